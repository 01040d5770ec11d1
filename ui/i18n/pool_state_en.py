"""The pool's state messages (new pool, carried-over items, validated range) in English
(same keys as ``pool_state_fr.py``)."""

POOL_STATE: dict[str, str] = {
    'pool.new': 'New pool',
    'pool.new.help': (
        'Starts from the current members, functions and vehicle, with no funding, no description '
        'and no changed assumptions.'
    ),
    'pool.new_name': 'New pool',
    'pool.carried': 'This pool still carries over from the previous scenario: {items}. Remove what does not apply.',
    'pool.carried.funding': 'public funding',
    'pool.carried.parameters': 'changed assumptions ({n})',
    'pool.carried.uncertainty': 'uncertainty ranges',
    'pool.carried.remove': 'Remove {item}',
}
