"""The pool's state messages (new pool, carried-over items, validated range) in French."""

POOL_STATE: dict[str, str] = {
    'pool.new': 'Nouveau pool',
    'pool.new.help': (
        'Repart des membres, fonctions et véhicule actuels, sans financement, sans description ni '
        'hypothèses modifiées.'
    ),
    'pool.new_name': 'Nouveau pool',
    'pool.carried': "Ce pool reprend encore du scénario précédent : {items}. Retirez ce qui ne s'applique pas.",
    'pool.carried.funding': 'un financement public',
    'pool.carried.parameters': 'des hypothèses modifiées ({n})',
    'pool.carried.uncertainty': "des plages d'incertitude",
    'pool.carried.remove': 'Retirer {item}',
}
