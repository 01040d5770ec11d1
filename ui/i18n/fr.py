"""Messages en français (langue par défaut). Mêmes clés que ``nl.py`` et ``en.py``."""

from ui.i18n.batch_fr import BATCH
from ui.i18n.brief_fr import BRIEF
from ui.i18n.cards_fr import CARDS
from ui.i18n.evidence_fr import EVIDENCE
from ui.i18n.fair_split_fr import FAIR_SPLIT
from ui.i18n.funding_fr import FUNDING
from ui.i18n.honest_fr import HONEST
from ui.i18n.method_fr import METHOD
from ui.i18n.model_v2_fr import MODEL_V2
from ui.i18n.pool_state_fr import POOL_STATE
from ui.i18n.staff_fr import STAFF
from ui.i18n.uncertainty_fr import UNCERTAINTY
from ui.i18n.workbook_fr import WORKBOOK

MESSAGES: dict[str, str] = {
    # --- navigation & barre latérale -----------------------------------------------------------
    "nav.section.pool": "Mutualisation",
    "nav.section.analysis": "Analyse",
    "nav.section.share": "Partager et comprendre",
    "nav.pool": "Construire le pool",
    "nav.results": "Résultats",
    "nav.compare": "Comparer",
    "nav.assumptions": "Hypothèses",
    "nav.uncertainty": "Incertitude",
    "nav.fair_split": "Répartition équitable",
    "nav.funding": "Financement",
    "nav.share": "Enregistrer et partager",
    "nav.method": "Méthode",
    "sidebar.language": "Langue",
    "sidebar.current": "Scénario : {name}",
    "sidebar.disclaimer": "Une simulation, pas un avis juridique ou fiscal.",
    # --- commun ---------------------------------------------------------------------------------
    "common.no": "Non",
    "common.chart_data": "Données du graphique (CSV)",
    "common.table_data": "Données du tableau (CSV)",
    # --- erreurs --------------------------------------------------------------------------------
    "error.input_title": "Une donnée pose problème :",
    "error.input_line": "**{field}** — {message}",
    "error.more.one": "… et {n} autre problème.",
    "error.more.other": "… et {n} autres problèmes.",
    "error.unexpected": "Quelque chose s'est mal passé pendant le calcul. Vos données sont "
                        "intactes : modifiez la dernière saisie ou rechargez la page.",
    "error.details": "Détails techniques",
    "error.share_link": "Ce lien de partage est illisible (tronqué ou modifié) : le scénario "
                        "par défaut est affiché.",
    "error.share_invalid": "Le scénario du lien de partage n'est pas valide ; le scénario par "
                           "défaut est affiché :",
    "error.scenario_invalid": "Le scénario ne peut pas encore être calculé :",
    "error.needs_table": "ce scénario utilise son propre tableau des membres ({name}) : "
                         "importez-le dans « Construire le pool › Membres ».",
    "common.choose": "Choisir…",
    "upload.button": "Choisir un fichier",
    "upload.hint": "{mb} Mo au plus · {types}",
    "error.too_large": "le fichier dépasse {mb} Mo.",
    "error.not_utf8": "le fichier n'est pas un texte UTF-8.",
    "error.no_examples": "aucun scénario d'exemple n'a été trouvé.",
    # --- champs (chemins d'erreur) --------------------------------------------------------------
    "field.line": "ligne {line}, colonne {column}",
    "field.cell": "ligne {row}, colonne « {column} »",
    "field.column": "colonne « {column} »",
    "field.members": "Membres",
    "field.pooling": "Fonctions mutualisées",
    "field.vehicle": "Véhicule",
    "field.sites": "Sites",
    "field.allocation": "Clé de répartition",
    "field.horizon_years": "Horizon",
    "field.parameters": "Hypothèses",
    "field.organisations": "Tableau des membres",
    "field.ramp_up": "Montée en charge",
    "field.funding": "Financement",
    "field.id": "identifiant",
    "field.commune": "commune",
    "field.rent_eur_m2": "loyer (€/m²/an)",
    "field.description": "Description",
    "field.exit_risk": "Risque de départ",
    "field.uncertainty": "Incertitude",
    "field.correlations": "Corrélations",
    "field.startup_grant": "subside de démarrage",
    "field.coordination_subsidy": "subside de coordination",
    "field.fte_subsidy": "subside par ETP",
    "field.loan": "prêt sans intérêt",
    "field.share": "part",
    "field.cap_eur": "plafond (€)",
    "field.eur_per_year": "€ par an",
    "field.years": "années",
    "field.eur_per_fte": "€ par ETP",
    "field.amount_eur": "montant (€)",
    "field.clawback_share": "part récupérée par le pouvoir subsidiant",
    "field.reinvestment_share": "part réinvestie sur le terrain",
    "field.name": "Nom du scénario",
    # --- chiffres clés --------------------------------------------------------------------------
    "headline.net_annual_saving_eur": "Économie nette par an",
    "headline.net_annual_saving_eur.help": "Coût actuel des fonctions mutualisées moins coût "
                                           "mutualisé, en régime de croisière (montée en charge "
                                           "terminée, avant mise en place et subsides).",
    "headline.npv_eur": "Valeur actuelle nette",
    "headline.npv_eur.help": "Somme actualisée des flux nets sur l'horizon, mise en place et "
                             "subsides compris.",
    "headline.payback_year": "Année de retour",
    "headline.payback_year.help": "Première année où le cumul des flux nets devient positif.",
    "headline.frontline_fte_freed": "ETP de terrain libérés",
    "headline.frontline_fte_freed.help": "Économie nette annuelle divisée par le coût chargé "
                                         "d'un travailleur de terrain.",
    "headline.payback_value": "Année {year}",
    "headline.payback_never": "Jamais",
    # --- page pool ------------------------------------------------------------------------------
    "pool.title": "Construire le pool",
    "pool.intro": "Choisissez les membres, cochez ce que chacun met en commun, puis le "
                  "véhicule, le site, l'horizon et la clé de répartition. Les chiffres se "
                  "mettent à jour à chaque modification.",
    "pool.example": "Partir d'un exemple",
    "pool.example.help": "Les exemples utilisent des ASBL fictives de l'échantillon fourni.",
    "pool.example.placeholder": "Choisir un exemple…",
    "pool.example.load": "Charger",
    "pool.members_count": "{n} membres",
    "pool.see_results": "Voir les résultats détaillés",
    "pool.tab.members": "1. Membres",
    "pool.tab.functions": "2. Fonctions mutualisées",
    "pool.tab.vehicle": "3. Véhicule et site",
    "pool.tab.horizon": "4. Horizon et répartition",
    # --- membres --------------------------------------------------------------------------------
    "members.source": "D'où viennent les membres ?",
    "members.source.sample": "Échantillon fourni",
    "members.source.upload": "Importer mon tableau",
    "members.source.type": "Saisir dans un tableau",
    "members.sample": "échantillon fourni (ASBL fictives)",
    "members.table_in_use": "Tableau utilisé : {name} — {n} organisations.",
    "members.back_to_sample": "Revenir à l'échantillon fourni",
    "members.template_csv": "Modèle CSV (virgules)",
    "members.template_be": "Modèle CSV pour Excel belge (;)",
    "members.upload": "Tableau des membres (CSV ou Excel .xlsx, 5 Mo maximum)",
    "members.upload.help": "Une ligne par ASBL. CSV avec virgules ou au format Excel belge "
                           "(points-virgules, virgule décimale), ou fichier .xlsx. Partez d'un "
                           "modèle ci-dessus.",
    "members.upload_failed": "Le tableau n'a pas pu être lu — corrigez ces cellules et "
                             "réimportez-le :",
    "members.type.help": "Modifiez les cellules ou ajoutez des lignes (la ligne 2 du tableur "
                         "est la première ligne), puis cliquez sur « Utiliser ce tableau ».",
    "members.type.use": "Utiliser ce tableau",
    "members.type.failed": "Le tableau saisi contient des erreurs :",
    "members.pick": "Membres du pool",
    "members.pick.help": "Les organisations qui participent à la mutualisation.",
    "members.option": "{name} — {subsector}, {commune}, {fte} ETP",
    "members.missing": "Absents du tableau utilisé : {ids}.",
    # --- colonnes du tableau des membres ---------------------------------------------------------
    "column.id": "Identifiant",
    "column.name": "Nom",
    "column.subsector": "Sous-secteur",
    "column.commune": "Commune",
    "column.fte_total": "ETP total",
    "column.budget_eur": "Budget (€/an)",
    "column.vat_exempt": "Exonéré de TVA",
    "column.contracting_authority": "Pouvoir adjudicateur",
    "column.joint_committee": "Commission paritaire",
    "column.fte": "ETP",
    "column.cost_eur": "coût (€/an)",
    "column.external_eur": "externe (€/an)",
    "column.hidden_hours_week": "heures cachées/sem.",
    "column.hidden_hourly_eur": "coût horaire caché (€/h)",
    "column.volume": "volume",
    "column.hours_week": "heures/sem.",
    "column.visitors_week": "visiteurs/sem.",
    "column.spend_eur": "dépense (€/an)",
    "column.users": "utilisateurs",
    "column.private_m2": "m² privatifs",
    "column.common_m2": "m² communs",
    "column.rent_eur_m2": "loyer (€/m²/an)",
    "subsector.medical_centre": "maison médicale",
    "subsector.mental_health": "santé mentale",
    "subsector.home_care": "aide et soins à domicile",
    "subsector.homelessness": "sans-abrisme",
    "subsector.family_planning": "planning familial",
    "subsector.addiction": "assuétudes",
    "subsector.social_service": "service social",
    "subsector.youth": "jeunesse",
    "subsector.disability": "handicap",
    "subsector.other": "autre",
    # --- matrice et réglages --------------------------------------------------------------------
    "matrix.help": "Cochez, pour chaque membre, les fonctions qu'il met en commun. Une fonction "
                   "doit être cochée par au moins deux membres.",
    "matrix.no_members": "Choisissez d'abord des membres (onglet « 1. Membres »).",
    "matrix.member": "Membre",
    "matrix.blocked": "Colonnes grisées : le véhicule « {vehicle} » ne peut pas porter "
                      "{functions}.",
    "kind.labour": "Fonction de personnel : la charge de travail mutualisée croît moins vite "
                   "que le volume.",
    "kind.coverage": "Accueil : le coût suit les heures d'ouverture ; gain seulement en "
                     "colocalisation.",
    "kind.purchasing": "Achats : le prix unitaire baisse avec le volume groupé.",
    "kind.fixed_shared": "Coûts fixes partagés : une licence ou un équipement pour tous.",
    "kind.premises": "Locaux : les espaces communs se partagent sur un site commun.",
    "setup.vehicle": "Véhicule juridique",
    "setup.vehicle.help": "La forme de la mutualisation : elle fixe la TVA, les fonctions "
                          "possibles et les coûts de création.",
    "setup.name": "Nom du scénario",
    "setup.description": "Description",
    "setup.horizon": "Horizon (années)",
    "setup.horizon.help": "Durée sur laquelle sont calculés la VAN et le retour sur "
                          "investissement.",
    "setup.exit_risk": "Tenir compte du risque de départ de membres",
    "setup.exit_risk.help": "Chaque année un membre peut partir ; les autres portent la part "
                            "fixe de son coût jusqu'au redimensionnement.",
    "setup.allocation": "Clé de répartition des coûts",
    "setup.allocation.help": "Comment le coût commun est partagé entre les membres.",
    "sites.title": "Sites",
    "sites.help": "Donnez le même nom de site aux membres qui s'installent ensemble ; laissez "
                  "vide pour ceux qui restent chez eux. Locaux et accueil ne se partagent que "
                  "sur un site commun.",
    "sites.site": "Site commun",
    "sites.site.help": "Nom du site (même nom = même bâtiment).",
    "sites.rent": "Loyer du site (€/m²/an)",
    "sites.rent.help": "Vide : loyer par défaut des hypothèses.",
    # --- résultats ------------------------------------------------------------------------------
    "results.title": "Résultats",
    "results.intro": "Scénario « {name} ». Montants en euros par an en régime de croisière, "
                     "sauf les flux de trésorerie.",
    "results.waterfall": "Du coût actuel au coût mutualisé net (hypothèses centrales)",
    "results.waterfall.help": "Chaque barre est une variation du coût annuel : vert = baisse, "
                              "rouge = hausse. La dernière barre est le coût mutualisé net, tout "
                              "compris ; son écart avec le coût actuel est le résultat net annuel.",
    "results.members": "Qui gagne, qui perd",
    "results.members.help": "Gain annuel de chaque membre : ce qu'il paierait seul moins ce "
                            "qu'il paie dans le pool (mise en place annualisée, risque de "
                            "départ et subsides compris). En rouge : les membres qui perdent.",
    "results.losers": "Ces membres paient plus que seuls (rationalité individuelle non "
                      "respectée) : {names}. Un membre qui perd finit par partir.",
    "results.no_losers": "Chaque membre gagne à participer (rationalité individuelle "
                         "respectée).",
    "results.cashflows": "Flux de trésorerie",
    "results.cashflows.help": "Flux nets annuels des membres (année 0 = mise en place) et "
                              "cumul ; la ligne pointillée marque l'année du retour sur "
                              "investissement.",
    "results.vat": "TVA",
    "results.downloads": "Télécharger les résultats",
    "results.download_csv": "Résultats (CSV, zip)",
    "results.download_xlsx": "Résultats (Excel)",
    "results.download_unavailable": "Export indisponible pour ce scénario.",
    # waterfall, VAT, charts and allocation keys: simulator/report/texts (shared with the brief)
    # --- comparer -------------------------------------------------------------------------------
    "compare.title": "Comparer des scénarios",
    "compare.intro": "Choisissez de deux à quatre scénarios : le scénario en cours, vos "
                     "variantes enregistrées ou les exemples.",
    "compare.make_variants": "Créer des variantes du scénario en cours",
    "compare.variant_name": "Nom de la variante",
    "compare.variant_default": "Variante {n}",
    "compare.save": "Enregistrer",
    "compare.other_vehicle": "Même pool avec un autre véhicule",
    "compare.add_vehicle_variant": "Ajouter cette variante",
    "compare.add_no_premises": "Ajouter la variante sans locaux partagés",
    "compare.no_premises": "sans locaux",
    "compare.pick": "Scénarios à comparer (2 à 4)",
    "compare.current": "En cours : {name}",
    "compare.saved": "Variante : {name}",
    "compare.example": "Exemple : {name}",
    "compare.need_two": "Choisissez au moins deux scénarios.",
    "compare.chart_bars": "Résultat net, VAN et mise en place",
    "compare.chart_cumulative": "Flux nets cumulés",
    "compare.fte_note": "ETP de terrain libérés — {values}.",
    "compare.metric.net_annual_saving_eur": "Économie nette annuelle",
    "compare.metric.npv_eur": "VAN (hypothèses centrales)",
    "compare.metric.payback_year": "Retour sur investissement",
    "compare.metric.frontline_fte_freed": "ETP de terrain libérés",
    "compare.metric.baseline_annual_cost_eur": "Coût actuel (€/an)",
    "compare.metric.pooled_annual_cost_eur": "Coût mutualisé (€/an)",
    "compare.metric.setup_cost_eur": "Coût de mise en place",
    "compare.metric.irr": "Taux de rendement interne",
    "compare.metric.vat_exempt": "Exonération de TVA",
    "compare.metric.members_count": "Nombre de membres",
    # --- hypothèses -----------------------------------------------------------------------------
    "assumptions.title": "Hypothèses",
    "assumptions.intro": "Toutes les hypothèses du modèle, avec unité, fourchette plausible, "
                         "source et niveau de preuve. Modifiez une valeur dans la colonne "
                         "« Valeur » : elle s'applique au scénario en cours.",
    "assumptions.none_changed": "Aucune hypothèse modifiée : valeurs par défaut partout.",
    "assumptions.changed_title.one": "**{n} hypothèse modifiée**",
    "assumptions.changed_title.other": "**{n} hypothèses modifiées**",
    "assumptions.changed_line": "✏️ {description} : **{value}** {unit} (défaut {default})",
    "assumptions.reset_one": "Rétablir",
    "assumptions.reset_all": "Tout rétablir",
    "assumptions.filter_grade": "Niveau de preuve",
    "assumptions.not_a_number": "ce n'est pas un nombre : « {value} ». Exemple : 1 234,5",
    "assumptions.refused": "Valeur refusée (la précédente est conservée) :",
    "assumptions.col.changed": "Modifiée",
    "assumptions.col.group": "Groupe",
    "assumptions.col.description": "Hypothèse",
    "assumptions.col.value": "Valeur",
    "assumptions.col.value.help": "Modifiable. Parts et taux en % : tapez 3 pour 3 %. "
                                  "Virgule décimale : 0,5.",
    "assumptions.col.unit": "Unité",
    "assumptions.col.default": "Défaut",
    "assumptions.col.range": "Fourchette plausible",
    "assumptions.col.grade": "Preuve",
    "assumptions.col.source": "Source",
    "assumptions.grades_note": "[B] source belge · [F] proxy étranger · [D] dérivé · "
                               "[G] estimation — les estimations méritent d'être vérifiées "
                               "avec vos propres chiffres.",
    "grade.B": "source belge",
    "grade.F": "proxy étranger",
    "grade.D": "dérivé",
    "grade.G": "estimation",
    # --- partager -------------------------------------------------------------------------------
    "share.title": "Enregistrer et partager",
    "share.intro": "Téléchargez le scénario en YAML pour le rouvrir plus tard, partagez un "
                   "lien, ou exportez les résultats.",
    "share.yaml": "Fichier du scénario (YAML)",
    "share.download_yaml": "Télécharger le scénario (YAML)",
    "share.download_table": "Télécharger le tableau des membres (CSV)",
    "share.own_table": "Ce scénario utilise votre tableau des membres « {name} » : gardez-le "
                       "avec le fichier YAML et réimportez-le avec lui.",
    "share.upload_yaml": "Ouvrir un scénario (YAML, 5 Mo maximum)",
    "share.upload_yaml.help": "Un fichier téléchargé depuis cette page ou écrit à la main "
                              "(voir le dossier scenarios/).",
    "share.upload_failed": "Le scénario n'a pas pu être ouvert :",
    "share.loaded": "Scénario « {name} » ouvert.",
    "share.link": "Lien de partage",
    "share.link.help": "Ce lien rouvre le même scénario ({chars} caractères). Il contient "
                       "le scénario lui-même : rien n'est stocké sur le serveur.",
    "share.put_in_address_bar": "Mettre le lien dans la barre d'adresse",
    "share.link.own_table": "Le lien ne contient pas votre tableau des membres : la personne "
                            "qui l'ouvre devra l'importer.",
    # --- véhicules et avertissements du moteur ---------------------------------------------------
    "vehicle.desc.employer_group": "ASBL dont l'objet unique est de mettre des travailleurs à "
                                   "la disposition de ses membres (loi du 12 août 2000) : au "
                                   "moins 3 membres, autorisation ministérielle (~40 jours), "
                                   "50 travailleurs au plus, membres solidairement "
                                   "responsables.",
    "vehicle.desc.cost_sharing_association": "Groupement autonome de personnes (art. 44 §2bis "
                                             "Code TVA) : exonération possible pour des "
                                             "activités d'intérêt général (arrêts Aviva et "
                                             "DNB Banka, 2017).",
    "vehicle.desc.commercial_provider": "Services achetés à une société : 21 % de TVA et la "
                                        "marge du prestataire.",
    "vehicle.desc.lead_member": "Un membre fournit le service aux autres et le leur facture.",
    "vehicle.desc.colocation_lease": "Bail commun pour des locaux partagés : la location "
                                     "d'immeubles est exonérée de TVA (art. 44 §3, 2°).",
    "vehicle.desc.purchasing_central": "Centrale d'achats (loi du 17 juin 2016 relative aux "
                                       "marchés publics, art. 2 et 47).",
    "vehicle.warning.lead_member": "La mise à disposition de personnel est interdite en "
                                   "principe (loi du 24 juillet 1987), sauf pour de courtes "
                                   "périodes notifiées : ce n'est pas un véhicule durable.",
    "warning.staff_cap": "Le pool a besoin de {fte} ETP, mais le véhicule « {vehicle} » est "
                         "limité à {cap} travailleurs.",
    "warning.estimates.one": "{n} coût actuel est une estimation (aucun coût déclaré) : les "
                             "coûts réels déclarés sont plus fiables.",
    "warning.estimates.other": "{n} coûts actuels sont des estimations (aucun coût déclaré) : "
                               "les coûts réels déclarés sont plus fiables.",
    # --- méthode --------------------------------------------------------------------------------
    "method.title": "La méthode en quelques mots",
    **METHOD,
    **EVIDENCE,
    **UNCERTAINTY,
    **FUNDING,
    **BRIEF,
    **FAIR_SPLIT,
    **BATCH,
    **HONEST,
    **MODEL_V2,
    **STAFF,
    **POOL_STATE,
    **WORKBOOK,
    **CARDS,
}
