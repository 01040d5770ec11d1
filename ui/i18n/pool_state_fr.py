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
    'pool.carried.parameters': '{n} hypothèse(s) modifiée(s)',
    'pool.carried.uncertainty': "des plages d'incertitude",
    'pool.carried.remove': 'Retirer {item}',
    'warning.members_range': (
        "Le pool compte {n} membres ; le modèle est validé pour des pools d'au plus {max} membres :"
        ' ses coûts de coordination (un terme par paire de membres) sont extrapolés.'
    ),
    'warning.fte_range': (
        "Le pool demande {fte} ETP mutualisés ; le modèle est validé jusqu'à {max} : lisez ces "
        'chiffres comme une extrapolation.'
    ),
}
