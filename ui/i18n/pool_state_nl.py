"""The pool's state messages (new pool, carried-over items, validated range) in Dutch
(same keys as ``pool_state_fr.py``)."""

POOL_STATE: dict[str, str] = {
    'pool.new': 'Nieuwe pool',
    'pool.new.help': (
        'Vertrekt van de huidige leden, functies en het voertuig, zonder financiering, beschrijving'
        ' of gewijzigde aannames.'
    ),
    'pool.new_name': 'Nieuwe pool',
    'pool.carried': 'Deze pool neemt nog over uit het vorige scenario: {items}. Verwijder wat niet van toepassing is.',
    'pool.carried.funding': 'overheidsfinanciering',
    'pool.carried.parameters': 'gewijzigde aannames ({n})',
    'pool.carried.uncertainty': 'onzekerheidsmarges',
    'pool.carried.remove': '{item} verwijderen',
}
