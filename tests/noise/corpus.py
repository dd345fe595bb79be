"""Clean text for the noise-injection measurement, written for it in four languages.

Realistic prose of consultation documents on migration policy (statements, meeting reports,
concept notes, resolutions). Everything here is *content*: every word of it must survive
cleaning. It deliberately carries the features that noise rules tend to eat by mistake:
numbered items ("1. ..."), years and figures at sentence ends ("in 2016.", "65%", "paragraph
25"), UN symbols (A/RES/71/280, E/CN.9/2018/2), hyphenated compounds (Estados-membros,
peut-être, well-known, follow-up, sub-regional), accents, œ, typographic quotes « » “ ”,
short headings, proper names and acronyms, and many words with "fi"/"fl" (so that ligatures can
be injected) or starting with an accented letter (so that page breaks can cut before them).

PARAGRAPHS have 40-120 words each; HEADINGS are short standalone lines; LIST_ITEMS are
rendered as a numbered list ("1. ...") by the injector; TITLES open a document (and may be
reused as its running header).
"""

from __future__ import annotations

LANGUAGES = ("en", "es", "fr", "pt")

TITLES: dict[str, tuple[str, ...]] = {
    "en": (
        "Statement by the Permanent Mission of Bangladesh to the United Nations",
        "Summary report of the regional consultation for Africa",
        "Concept note: fourth informal thematic session",
        "Contribution of the United Nations Network on Migration",
        "Report of the Special Rapporteur on the human rights of migrants",
        "Co-facilitators’ summary of the stocktaking meeting",
    ),
    "es": (
        "Intervención de la delegación de México en la cuarta sesión temática",
        "Informe de la consulta regional para América Latina y el Caribe",
        "Nota conceptual: reunión de balance de Puerto Vallarta",
        "Declaración de la Conferencia Suramericana sobre Migraciones",
        "Contribución de la sociedad civil al Pacto Mundial",
        "Resumen de los cofacilitadores sobre la audiencia oficiosa",
    ),
    "fr": (
        "Déclaration de la délégation du Sénégal",
        "Rapport de la consultation régionale pour l’Afrique",
        "Note conceptuelle : deuxième session thématique informelle",
        "Contribution du Réseau des Nations Unies sur les migrations",
        "Compte rendu de la réunion d’experts sur la mobilité climatique",
        "Synthèse des cofacilitateurs sur la réunion-bilan",
    ),
    "pt": (
        "Intervenção da delegação do Brasil na segunda sessão temática",
        "Relatório da consulta regional para a África Austral",
        "Nota conceptual: audição informal com as partes interessadas",
        "Contributo da sociedade civil portuguesa para o Pacto Global",
        "Declaração final da Conferência Sul-Americana sobre Migrações",
        "Síntese dos cofacilitadores sobre a reunião de balanço",
    ),
}

HEADINGS: dict[str, tuple[str, ...]] = {
    "en": (
        "Background",
        "Introduction",
        "Recommendations",
        "Summary of the discussion",
        "Key messages",
        "Context",
        "Objectives of the session",
        "Conclusions and next steps",
        "Format and participation",
        "Follow-up and review",
    ),
    "es": (
        "Antecedentes",
        "Introducción",
        "Recomendaciones",
        "Resumen del debate",
        "Mensajes clave",
        "Contexto",
        "Objetivos de la sesión",
        "Conclusiones",
        "Formato y participación",
        "Próximos pasos",
    ),
    "fr": (
        "Contexte",
        "Introduction",
        "Recommandations",
        "Résumé des débats",
        "Messages clés",
        "Objectifs de la session",
        "Conclusions",
        "Déroulement de la réunion",
        "Prochaines étapes",
        "Suivi et examen",
    ),
    "pt": (
        "Contexto",
        "Introdução",
        "Recomendações",
        "Resumo do debate",
        "Mensagens principais",
        "Objetivos da sessão",
        "Conclusões",
        "Formato e participação",
        "Próximos passos",
        "Seguimento e análise",
    ),
}

LIST_ITEMS: dict[str, tuple[str, ...]] = {
    "en": (
        "Strengthen the collection and use of accurate and disaggregated data as a basis for evidence-based policies.",
        "Ensure that all migrants have proof of legal identity and adequate documentation.",
        "Enhance the availability and flexibility of pathways for regular migration.",
        "Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work.",
        "Address and reduce vulnerabilities in migration, including for women and children.",
        "Save lives and establish coordinated international efforts on missing migrants.",
        "Promote faster, safer and cheaper transfer of remittances and foster the financial inclusion of migrants.",
        "Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration.",
    ),
    "es": (
        "Recopilar y utilizar datos exactos y desglosados para formular políticas con base empírica.",
        "Velar por que todos los migrantes tengan pruebas de su identidad jurídica y documentación adecuada.",
        "Aumentar la disponibilidad y flexibilidad de las vías de migración regular.",
        "Facilitar la contratación equitativa y ética y salvaguardar las condiciones que garantizan el trabajo decente.",
        "Abordar y reducir las vulnerabilidades en la migración.",
        "Promover transferencias de remesas más rápidas, seguras y económicas y la inclusión financiera.",
        "Utilizar la detención de migrantes solo como último recurso y buscar otras alternativas.",
        "Cooperar para facilitar el regreso y la readmisión en condiciones de seguridad y dignidad.",
    ),
    "fr": (
        "Collecter et utiliser des données précises et ventilées pour élaborer des politiques fondées sur la connaissance des faits.",
        "Veiller à ce que tous les migrants soient munis d’une preuve d’identité légale et de papiers adéquats.",
        "Accroître la disponibilité et la flexibilité des filières de migration régulière.",
        "Favoriser des pratiques de recrutement justes et éthiques et assurer les conditions d’un travail décent.",
        "Sauver des vies et mettre en place une action internationale coordonnée sur les migrants disparus.",
        "Promouvoir des envois de fonds plus rapides, plus sûrs et moins coûteux.",
        "Ne recourir au placement en rétention administrative qu’en dernier ressort.",
        "Coopérer en vue de faciliter le retour et la réadmission en toute sécurité et dans la dignité.",
    ),
    "pt": (
        "Recolher e utilizar dados exatos e desagregados como base para políticas fundamentadas em dados concretos.",
        "Assegurar que todos os migrantes disponham de prova de identidade jurídica e de documentação adequada.",
        "Reforçar a disponibilidade e a flexibilidade das vias de migração regular.",
        "Facilitar o recrutamento justo e ético e salvaguardar as condições que garantem o trabalho digno.",
        "Salvar vidas e estabelecer esforços internacionais coordenados sobre migrantes desaparecidos.",
        "Promover transferências de remessas mais rápidas, seguras e baratas e a inclusão financeira.",
        "Recorrer à detenção de migrantes apenas como medida de último recurso.",
        "Cooperar para facilitar o regresso e a readmissão em condições de segurança e dignidade.",
    ),
}

PARAGRAPHS: dict[str, tuple[str, ...]] = {
    "en": (
        "The Global Compact for Safe, Orderly and Regular Migration, adopted at the "
        "Intergovernmental Conference held in Marrakech on 10 December 2018 and endorsed by the "
        "General Assembly in resolution A/RES/73/195, is the first inter-governmentally negotiated "
        "agreement to cover all dimensions of international migration in a holistic and "
        "comprehensive manner. It builds on the commitments made in the New York Declaration for "
        "Refugees and Migrants, contained in resolution A/RES/71/1, which was adopted by consensus "
        "in 2016.",
        "In accordance with the modalities set out in resolution A/RES/71/280, the consultation "
        "phase comprised six informal thematic sessions, regional consultations convened by the "
        "regional economic commissions, and a stocktaking meeting in Puerto Vallarta, Mexico. Member "
        "States, the United Nations system and relevant stakeholders were invited to contribute to "
        "an inclusive and well-informed process. The co-facilitators, the Permanent Representatives "
        "of Mexico and Switzerland, presented a summary of each session to the President of the "
        "General Assembly.",
        "The delegation of Bangladesh wishes to thank the co-facilitators for their leadership. We "
        "are deeply concerned that migrant workers continue to pay excessive recruitment fees, which "
        "in some corridors amount to several months of wages. Fair and ethical recruitment must "
        "therefore be a central commitment of the Global Compact, together with the portability of "
        "social security entitlements and earned benefits. We also call for a significant reduction "
        "in the cost of remittance transfers, in line with Sustainable Development Goal target 10.c, "
        "to less than 3%.",
        "According to the International Migration Report 2017, the number of international migrants "
        "worldwide reached 258 million, up from 173 million in 2000. Nearly two thirds of all "
        "international migrants live in just twenty countries, and women account for slightly less "
        "than half of the total. In some Gulf States, migrants make up more than 65% of the "
        "population. These figures, drawn from official national sources, show that migration flows "
        "are highly concentrated and that reliable, disaggregated data remain a precondition for "
        "evidence-based policy.",
        "The Special Rapporteur on the human rights of migrants, in his report to the Human Rights "
        "Council (A/HRC/35/25), proposed a 2035 agenda for facilitating human mobility. He "
        "recommended that States expand regular, safe, accessible and affordable migration channels "
        "and end the detention of migrant children, which is never in their best interests. The "
        "report also stresses that “firewalls” should be established between immigration "
        "enforcement and public services, so that migrants can access health care, education and "
        "justice without fear of being reported.",
        "Participants in the regional consultation for Africa, held in Addis Ababa in October 2017, "
        "emphasized that most African migration is intra-regional and that free movement protocols "
        "adopted by regional economic communities, such as ECOWAS, deserve greater support. Several "
        "speakers noted that the well-known narrative of a mass exodus towards Europe is not borne "
        "out by the data. The meeting recommended that the Global Compact recognise the positive "
        "contribution of migrants to sustainable development in countries of origin, transit and "
        "destination.",
        "Climate change, environmental degradation and natural disasters are increasingly important "
        "drivers of displacement and migration. Slow-onset events such as desertification, sea-level "
        "rise and the salinization of agricultural land affect the livelihoods of millions of people, "
        "particularly in small island developing States and in the Sahel. The Platform on Disaster "
        "Displacement and the Nansen Initiative have identified effective practices, including "
        "humanitarian visas, temporary protection and planned relocation, which should inform "
        "sub-regional and national strategies.",
        "1. Calls upon Member States to ensure that all migrants, regardless of their migration "
        "status, have access to basic services, including emergency health care and primary "
        "education, and to take specific measures to protect migrants in vulnerable situations, "
        "including unaccompanied and separated children, victims of trafficking in persons and women "
        "at risk of gender-based violence;",
        "The representative of the International Labour Organization (ILO) recalled that labour "
        "migration accounts for the majority of international migration flows. More than 150 million "
        "migrants are workers, and many of them are employed in the informal economy, in agriculture, "
        "construction and domestic work. The ILO Fair Recruitment Initiative and the general "
        "principles and operational guidelines offer a practical framework. She urged States to "
        "ratify Conventions No. 97 and No. 143 and to strengthen labour inspection where migrant "
        "workers are concentrated.",
        "The fourth informal thematic session will address the smuggling of migrants, trafficking in "
        "persons and contemporary forms of slavery, including appropriate identification, protection "
        "and assistance to migrants and victims of trafficking. The session will be held at United "
        "Nations Headquarters in New York on 12 and 13 September 2017. Each panel will be followed "
        "by an interactive discussion, and delegations are encouraged to keep their interventions to "
        "three minutes so that as many participants as possible can take the floor.",
        "Return and readmission remain among the most sensitive issues on the agenda. Several "
        "delegations insisted that States have the sovereign right to determine who enters and stays "
        "on their territory, while others stressed that returns must be safe and dignified and must "
        "respect the principle of non-refoulement and the prohibition of collective expulsion. A "
        "number of speakers called for sustainable reintegration programmes, developed in "
        "cooperation with countries of origin, so that returnees are not forced to migrate again.",
        "The European Union and its Member States support the follow-up and review mechanism "
        "proposed in the zero draft. The International Migration Review Forum, to be held every four "
        "years beginning in 2022, should serve as the primary intergovernmental global platform to "
        "discuss progress. We propose that the Forum draw on the regional reviews and on the work of "
        "the United Nations Network on Migration, coordinated by the International Organization for "
        "Migration (IOM), and that its outcome take the form of a progress declaration.",
        "Civil society organisations welcomed the inclusion of a commitment to save lives and "
        "establish coordinated international efforts on missing migrants. According to the Missing "
        "Migrants Project, more than 30,000 people have died or disappeared on migratory routes since "
        "2014, most of them in the Mediterranean. Search and rescue operations, the identification of "
        "remains and communication with families across borders require long-term funding and "
        "effective cooperation between the authorities concerned, as recommended in paragraph 25.",
        "The Economic Commission for Latin America and the Caribbean (ECLAC) noted that remittances "
        "to the region reached 75 billion dollars in 2017, an increase of 8.7% on the previous year. "
        "In several Central American countries remittances exceed 15% of gross domestic product. The "
        "financial inclusion of migrants and their families, through access to bank accounts and "
        "digital transfer services, can multiply the development impact of these flows, provided "
        "that regulatory frameworks remain proportionate and do not exclude small providers.",
        "The report of the Secretary-General on world population policies (E/CN.9/2018/2) was "
        "presented to the Commission on Population and Development at its fifty-first session. It "
        "shows that the share of Governments with policies to raise the level of regular "
        "immigration has increased since 2005, mainly to address labour shortages in specific "
        "sectors. At the same time, a growing number of countries have adopted measures to "
        "encourage the return of their highly skilled nationals and to engage their diasporas in "
        "national development.",
        "Local and regional authorities are often the first to respond to the arrival of migrants "
        "and refugees. Mayors from more than 30 cities, meeting in Mechelen in November 2017, adopted "
        "a declaration calling for a seat at the table in the intergovernmental process. They pointed "
        "out that integration happens in neighbourhoods, schools and workplaces, and that cities "
        "need predictable financing to provide language courses, housing and counselling. The "
        "declaration was transmitted to the co-facilitators as an official contribution.",
        "Ensuring that migration data are comparable across countries remains a challenge. Only a "
        "minority of States collect information on the migration status of workers, students and "
        "family members in their censuses and labour force surveys. The Global Migration Data "
        "Analysis Centre, established in Berlin in 2015, works with national statistical offices to "
        "strengthen capacities. Participants agreed that the recommendations on statistics of "
        "international migration need to be revised to reflect new forms of mobility, including "
        "circular and temporary movements.",
    ),
    "es": (
        "El Pacto Mundial para una Migración Segura, Ordenada y Regular fue aprobado en Marrakech el "
        "10 de diciembre de 2018 y respaldado por la Asamblea General en su resolución A/RES/73/195. "
        "Se trata del primer acuerdo negociado a nivel intergubernamental que abarca todas las "
        "dimensiones de la migración internacional de manera holística y exhaustiva. Su elaboración "
        "se basó en los compromisos de la Declaración de Nueva York para los Refugiados y los "
        "Migrantes, aprobada en 2016.",
        "La delegación de México agradece a los cofacilitadores la organización de esta sesión "
        "temática. Nuestro país es, al mismo tiempo, un país de origen, tránsito, destino y retorno "
        "de personas migrantes, y conoce de primera mano los desafíos que ello implica. Por esa "
        "razón, consideramos que el Pacto Mundial debe reconocer la responsabilidad compartida de "
        "los Estados y promover la cooperación internacional en todos los ámbitos, con pleno respeto "
        "de los derechos humanos de las personas migrantes, independientemente de su condición "
        "migratoria.",
        "Según datos de la Comisión Económica para América Latina y el Caribe (CEPAL), el número de "
        "migrantes intrarregionales en América Latina aumentó de manera significativa durante la "
        "última década. La crisis en la República Bolivariana de Venezuela provocó la salida de más "
        "de 3 millones de personas hasta finales de 2018, la mayoría de las cuales se dirigió a "
        "Colombia, el Perú, Chile y el Ecuador. En algunos municipios fronterizos, la proporción de "
        "población migrante llegó al 65%.",
        "La Conferencia Regional sobre Migración, también conocida como Proceso de Puebla, reúne "
        "desde 1996 a once países de América del Norte, América Central y el Caribe. En su reunión "
        "viceministerial celebrada en San Salvador, los Estados miembros acordaron fortalecer la "
        "protección consular, intercambiar buenas prácticas en materia de retorno y reintegración y "
        "elaborar lineamientos regionales para la atención de niñas, niños y adolescentes no "
        "acompañados. Estas conclusiones fueron transmitidas como contribución regional al proceso "
        "de consultas en 2017.",
        "Las organizaciones de la sociedad civil insistieron en que la detención de niños por "
        "motivos migratorios nunca responde a su interés superior y debe eliminarse. Propusieron "
        "alternativas a la detención basadas en la comunidad, como la gestión de casos, el "
        "acompañamiento psicosocial y el acceso a asesoría jurídica gratuita. También pidieron que "
        "se garantice el acceso efectivo a la justicia, sin que presentar una denuncia implique el "
        "riesgo de ser deportado, y que se refuercen los mecanismos de identificación de víctimas de "
        "trata de personas.",
        "Las remesas enviadas por los trabajadores migrantes a sus familias representan una fuente "
        "esencial de ingresos para millones de hogares. En varios países de Centroamérica superan el "
        "15% del producto interno bruto. Sin embargo, el costo promedio de enviar 200 dólares sigue "
        "siendo superior al 6%, el doble de la meta fijada en el Objetivo de Desarrollo Sostenible "
        "10.c. Reducir ese costo y facilitar la inclusión financiera de los migrantes son medidas "
        "concretas que pueden tener un efecto inmediato en el desarrollo.",
        "1. Exhorta a los Estados a que aseguren que todas las personas migrantes, cualquiera que "
        "sea su situación migratoria, tengan acceso a servicios básicos, en particular a la atención "
        "de salud de urgencia y a la educación primaria, y a que adopten medidas específicas para "
        "proteger a quienes se encuentran en situación de vulnerabilidad, incluidos los niños no "
        "acompañados o separados de sus familias y las víctimas de la trata de personas;",
        "El representante de la Organización Internacional para las Migraciones (OIM) recordó que "
        "la gobernanza de la migración exige la participación de todos los niveles de gobierno. Los "
        "municipios y las autoridades locales son, con frecuencia, los primeros en responder a la "
        "llegada de personas migrantes y refugiadas, y necesitan recursos previsibles para ofrecer "
        "vivienda, orientación laboral y cursos de idioma. Señaló que el éxito de las políticas de "
        "integración depende en gran medida de la coordinación entre el ámbito nacional y el local.",
        "La Conferencia Suramericana sobre Migraciones reafirmó, en su declaración final, el "
        "principio de la ciudadanía suramericana y el derecho de toda persona a migrar. Los "
        "participantes destacaron los avances logrados gracias al Acuerdo sobre Residencia para "
        "Nacionales de los Estados Partes del Mercosur, que ha permitido la regularización de "
        "cientos de miles de personas. Asimismo, subrayaron la importancia de contar con "
        "estadísticas comparables y de armonizar los registros administrativos, a fin de diseñar "
        "políticas públicas basadas en datos empíricos.",
        "Durante el debate interactivo, varios ponentes se refirieron a los efectos del cambio "
        "climático sobre la movilidad humana. Las sequías prolongadas en el llamado Corredor Seco "
        "centroamericano han destruido cosechas y medios de vida, y han empujado a muchas familias "
        "campesinas a desplazarse hacia las ciudades o a emprender la ruta migratoria hacia el "
        "norte. Se recomendó incluir este fenómeno en los planes nacionales de adaptación y "
        "establecer mecanismos de protección temporal para las personas afectadas por desastres.",
        "El informe del Secretario General titulado «Conseguir que la migración funcione para "
        "todos» (A/72/643) propone una visión basada en tres principios. En primer lugar, la "
        "migración debe gestionarse mediante la cooperación internacional; en segundo lugar, los "
        "Estados deben ampliar las vías legales de migración; y, en tercer lugar, los derechos de "
        "todas las personas migrantes deben protegerse. El informe advierte que la migración "
        "irregular seguirá existiendo mientras las vías regulares no respondan a las necesidades "
        "reales del mercado laboral.",
        "En el marco de la consulta nacional, el Gobierno del Ecuador organizó talleres en Quito, "
        "Guayaquil y Lago Agrio con la participación de más de 300 representantes de instituciones "
        "públicas, organizaciones de migrantes, universidades y sindicatos. Las propuestas recogidas "
        "se sistematizaron en un documento que fue presentado en la reunión de balance celebrada en "
        "Puerto Vallarta. Entre ellas figuran la creación de ventanillas únicas de atención y la "
        "eliminación de las tasas de visado para las personas en situación de vulnerabilidad.",
        "La Relatora Especial recordó que el principio de no devolución es una norma de derecho "
        "internacional consuetudinario que no admite excepciones. Las devoluciones en caliente, las "
        "expulsiones colectivas y los acuerdos de readmisión que no prevén una evaluación individual "
        "de cada caso son incompatibles con dicho principio. Pidió a los Estados que publiquen "
        "información sobre los acuerdos bilaterales de retorno y que permitan el seguimiento "
        "independiente de las operaciones de retorno por parte de las instituciones nacionales de "
        "derechos humanos.",
        "Las mujeres representan casi la mitad de los migrantes internacionales y constituyen la "
        "mayoría de los trabajadores domésticos migrantes. Muchas de ellas trabajan sin contrato, sin "
        "protección social y expuestas a abusos. La delegación de Filipinas señaló que el Convenio "
        "núm. 189 de la OIT sobre las trabajadoras y los trabajadores domésticos ofrece un marco de "
        "referencia útil, y pidió que el Pacto Mundial incorpore una perspectiva de género de forma "
        "transversal, como se indica en el párrafo 25.",
        "Se propuso que el Foro de Examen de la Migración Internacional se reúna cada cuatro años a "
        "partir de 2022 y que sus debates se nutran de los exámenes regionales. La Comisión "
        "Económica para América Latina y el Caribe se ofreció a acoger el examen regional, en "
        "estrecha colaboración con la OIM y el Alto Comisionado de las Naciones Unidas para los "
        "Derechos Humanos. Varios Estados pidieron que el seguimiento no genere nuevas obligaciones "
        "de presentación de informes ni cargas administrativas desproporcionadas.",
        "Los jóvenes migrantes que participaron en la audiencia oficiosa con múltiples interesados "
        "describieron las dificultades que enfrentan para convalidar sus títulos académicos y "
        "acceder a empleos acordes con su formación. Una estudiante venezolana residente en Lima "
        "explicó que, a pesar de contar con un diploma universitario, solo había conseguido trabajos "
        "informales. Los participantes recomendaron establecer marcos de reconocimiento mutuo de "
        "cualificaciones y programas de becas que faciliten la movilidad académica en la región.",
    ),
    "fr": (
        "Le Pacte mondial pour des migrations sûres, ordonnées et régulières a été adopté à "
        "Marrakech le 10 décembre 2018, puis approuvé par l’Assemblée générale dans sa résolution "
        "A/RES/73/195. Il s’agit du premier accord négocié au niveau intergouvernemental qui couvre "
        "toutes les dimensions des migrations internationales de manière globale. Ses vingt-trois "
        "objectifs reposent sur les engagements pris dans la Déclaration de New York pour les "
        "réfugiés et les migrants, adoptée par consensus en 2016.",
        "La délégation du Sénégal remercie les cofacilitateurs pour la qualité des documents "
        "préparatoires. Notre pays, à la fois pays d’origine, de transit et de destination, "
        "considère que la migration est avant tout un facteur de développement. Les transferts de "
        "fonds des Sénégalais de l’extérieur représentent plus de 10% du produit intérieur brut. "
        "Nous souhaitons que le Pacte mondial reconnaisse pleinement la contribution des diasporas et "
        "qu’il favorise la réduction des coûts de transfert, conformément à la cible 10.c des "
        "objectifs de développement durable.",
        "Les participants à la consultation régionale pour l’Afrique ont souligné que la plus grande "
        "partie des migrations africaines se déroule à l’intérieur du continent. Le protocole de la "
        "CEDEAO sur la libre circulation des personnes est souvent cité comme un exemple de bonne "
        "pratique, même si sa mise en œuvre reste inégale. Plusieurs intervenants ont estimé qu’il "
        "était peut-être temps de dépasser le discours sur l’« exode » vers l’Europe, qui ne "
        "correspond pas à la réalité des flux observés.",
        "Les conflits armés, la pauvreté et les effets des changements climatiques continuent de "
        "provoquer des déplacements massifs dans la région du Sahel. Selon les estimations "
        "disponibles, plus de 4 millions de personnes y sont déplacées à l’intérieur de leur propre "
        "pays. Les États de la région, avec l’appui du Haut-Commissariat des Nations Unies pour les "
        "réfugiés, ont engagé des travaux pour améliorer la protection des personnes déplacées, "
        "conformément à la Convention de Kampala, entrée en vigueur en 2012.",
        "La Rapporteuse spéciale a rappelé que la détention administrative des migrants doit rester "
        "une mesure de dernier recours, être nécessaire et proportionnée, et ne jamais s’appliquer "
        "aux enfants. Elle a salué les pays qui ont mis en place des solutions de substitution à la "
        "détention, fondées sur l’accompagnement social et juridique des personnes concernées. Elle "
        "a également souligné que des « pare-feu » entre les services publics et les autorités "
        "chargées de l’immigration étaient indispensables pour garantir l’accès effectif aux soins.",
        "1. Engage les États Membres à renforcer la coopération internationale en matière de "
        "sauvetage en mer et à veiller à ce que les navires qui portent assistance aux personnes en "
        "détresse ne fassent pas l’objet de poursuites pénales ; les invite en outre à établir des "
        "mécanismes de coordination pour l’identification des migrants décédés ou disparus et "
        "l’information de leurs familles, y compris par-delà les frontières ;",
        "Le représentant de l’Organisation internationale du Travail a présenté les principes "
        "généraux et directives opérationnelles concernant le recrutement équitable. Il a rappelé "
        "que les frais de recrutement ne devraient jamais être mis à la charge des travailleurs "
        "migrants et que les agences privées d’emploi devraient faire l’objet d’un contrôle "
        "rigoureux. Étant donné le poids du secteur informel dans de nombreux pays, l’inspection du "
        "travail doit être renforcée et dotée de moyens financiers suffisants.",
        "Le rapport du Secrétaire général intitulé « Pour des migrations qui profitent à tous » "
        "(A/72/643) souligne qu’il est indispensable de disposer de données fiables et comparables. "
        "Or, moins de la moitié des pays collectent des informations sur le statut migratoire dans "
        "leurs recensements. Le Centre mondial d’analyse des données sur la migration apporte un "
        "appui technique aux offices nationaux de statistique. Les délégations ont demandé que ces "
        "efforts soient financés de manière durable, au-delà des projets ponctuels.",
        "Lors de la session interactive, plusieurs organisations de la société civile ont plaidé "
        "pour une approche fondée sur les droits de l’homme et sensible au genre. Les femmes "
        "migrantes, souvent employées comme travailleuses domestiques, sont particulièrement "
        "exposées à l’exploitation et aux violences. La délégation du Maroc a présenté l’expérience "
        "de ses deux campagnes de régularisation exceptionnelle, qui ont permis de délivrer des "
        "titres de séjour à des personnes originaires de 116 pays.",
        "Le processus de Rabat, lancé en 2006, constitue un cadre de dialogue régional entre les "
        "pays d’origine, de transit et de destination le long des routes migratoires reliant "
        "l’Afrique centrale, l’Afrique de l’Ouest et l’Afrique du Nord à l’Europe. Le plan d’action "
        "de La Valette, adopté en novembre 2015, en a élargi le champ à cinq domaines prioritaires, "
        "parmi lesquels la lutte contre le trafic de migrants et la traite des êtres humains, ainsi "
        "que le retour et la réadmission.",
        "Les représentants des villes ont insisté sur le fait que l’intégration se joue d’abord au "
        "niveau local : dans les écoles, les quartiers et les lieux de travail. La maire d’une "
        "commune de la banlieue parisienne a décrit un dispositif d’accueil associant la "
        "municipalité, les associations et les bénévoles, qui offre des cours de français, un "
        "accompagnement vers l’emploi et un hébergement temporaire. Elle a regretté que les "
        "financements restent trop souvent annuels, ce qui empêche toute planification à long terme.",
        "S’agissant du suivi, la proposition de créer un Forum d’examen des migrations "
        "internationales, qui se réunirait tous les quatre ans à partir de 2022, a recueilli un "
        "large soutien. Les délégations ont souhaité que ce forum s’appuie sur les examens régionaux "
        "et sur les travaux du Réseau des Nations Unies sur les migrations. Certaines d’entre elles "
        "ont toutefois mis en garde contre la multiplication des obligations de rapport, qui pèsent "
        "sur les administrations des pays les moins avancés.",
        "L’Union africaine a adopté un cadre de politique migratoire révisé ainsi qu’un plan "
        "d’action pour la période 2018-2030. Ce document invite les États membres à élaborer des "
        "stratégies nationales cohérentes, à faciliter la mobilité de la main-d’œuvre et à protéger "
        "les droits des travailleurs migrants. Il met également l’accent sur la nécessité de lutter "
        "contre la xénophobie et de promouvoir une image équilibrée des migrations dans les médias, "
        "comme le prévoit le paragraphe 25.",
        "Les experts ont examiné l’incidence des catastrophes naturelles et de la dégradation de "
        "l’environnement sur les mouvements de population. Dans les petits États insulaires en "
        "développement du Pacifique, l’élévation du niveau de la mer menace déjà l’habitabilité de "
        "certaines îles. L’Initiative Nansen a recensé des pratiques efficaces, telles que les visas "
        "humanitaires et la protection temporaire, dont les États pourraient s’inspirer. Les "
        "participants ont recommandé d’intégrer la mobilité humaine dans les plans d’adaptation.",
        "En ce qui concerne le retour, plusieurs délégations ont rappelé que tout État a le droit "
        "souverain de décider qui entre et séjourne sur son territoire. D’autres ont insisté sur le "
        "fait que les retours doivent se dérouler dans la sécurité et la dignité, dans le plein "
        "respect du principe de non-refoulement et de l’interdiction des expulsions collectives. Le "
        "représentant de l’OIM a souligné que la réintégration durable exige un accompagnement "
        "économique et psychosocial, élaboré en étroite coopération avec les pays d’origine.",
        "Les jeunes participants ont exprimé leur inquiétude face à la montée des discours de haine "
        "en ligne. Ils ont proposé que les États soutiennent des initiatives d’éducation aux médias "
        "et des campagnes de sensibilisation élaborées avec les migrants eux-mêmes. Une étudiante "
        "originaire du Cameroun, installée à Lyon, a témoigné des difficultés rencontrées pour faire "
        "reconnaître ses diplômes et obtenir un titre de séjour lui permettant de travailler à "
        "l’issue de ses études.",
    ),
    "pt": (
        "O Pacto Global para uma Migração Segura, Ordenada e Regular foi adotado em Marraquexe, em "
        "10 de dezembro de 2018, e endossado pela Assembleia Geral na resolução A/RES/73/195. "
        "Trata-se do primeiro acordo negociado no plano intergovernamental que abrange todas as "
        "dimensões da migração internacional de forma holística. O texto baseia-se nos compromissos "
        "assumidos na Declaração de Nova Iorque para Refugiados e Migrantes, aprovada pelos "
        "Estados-membros das Nações Unidas em 2016.",
        "A delegação do Brasil agradece aos cofacilitadores o trabalho realizado ao longo do "
        "processo de consultas. A nova Lei de Migração, Lei n.º 13.445, de 24 de maio de 2017, "
        "substituiu o antigo Estatuto do Estrangeiro e consagrou o repúdio à xenofobia, o "
        "acolhimento humanitário e a não criminalização da migração. O Brasil considera que essa "
        "experiência pode contribuir para a implementação do Pacto Global e está disposto a "
        "partilhá-la com os demais Estados-membros.",
        "A Comunidade dos Países de Língua Portuguesa (CPLP) discutiu, na sua reunião ministerial, "
        "uma proposta de mobilidade que facilitaria a circulação de estudantes, docentes, "
        "investigadores e empresários entre os nove Estados-membros. O acordo sobre mobilidade "
        "estabelece um quadro flexível, que permite a cada Estado escolher as modalidades e "
        "categorias de pessoas abrangidas. Os participantes sublinharam a importância de reconhecer "
        "diplomas e qualificações profissionais obtidos noutros países da comunidade.",
        "Segundo o Observatório das Migrações, a população estrangeira residente em Portugal "
        "ultrapassou 480 mil pessoas em 2018, o valor mais elevado desde o início da série. O Brasil "
        "continua a ser a principal nacionalidade, seguido de Cabo Verde, da Roménia e da Ucrânia. O "
        "relatório assinala que os imigrantes contribuem de forma positiva para o saldo da segurança "
        "social e que a sua presença tem atenuado os efeitos do envelhecimento demográfico em várias "
        "regiões do interior.",
        "A Relatora Especial lembrou que a detenção de crianças por motivos relacionados com a sua "
        "situação migratória nunca corresponde ao seu superior interesse. Recomendou aos Estados que "
        "adotem alternativas à detenção de base comunitária e que assegurem a todas as pessoas "
        "migrantes o acesso efetivo à justiça, à saúde e à educação, independentemente do seu "
        "estatuto. É essencial, acrescentou, que os prestadores de serviços públicos não sejam "
        "obrigados a comunicar às autoridades de imigração os dados das pessoas que atendem.",
        "1. Exorta os Estados-membros a assegurar que todos os migrantes, independentemente do seu "
        "estatuto migratório, tenham acesso a serviços básicos, incluindo os cuidados de saúde de "
        "urgência e o ensino primário, e a adotar medidas específicas de proteção das pessoas em "
        "situação de vulnerabilidade, em particular as crianças não acompanhadas ou separadas e as "
        "vítimas de tráfico de seres humanos;",
        "O representante da Organização Internacional para as Migrações (OIM) salientou que a "
        "gestão das migrações exige a participação de todos os níveis de governo. Os municípios são "
        "frequentemente os primeiros a responder à chegada de migrantes e refugiados e precisam de "
        "financiamento previsível para oferecer alojamento, cursos de língua e apoio na procura de "
        "emprego. A ação local, afirmou, deve ser coordenada com as políticas nacionais, para evitar "
        "a duplicação de esforços e a fragmentação dos serviços.",
        "Durante o debate interativo, vários oradores referiram-se aos efeitos das alterações "
        "climáticas na mobilidade humana. Em Moçambique, os ciclones Idai e Kenneth provocaram a "
        "deslocação de centenas de milhares de pessoas. As delegações defenderam a inclusão da "
        "mobilidade humana nos planos nacionais de adaptação e a criação de mecanismos de proteção "
        "temporária para as pessoas afetadas por desastres súbitos, bem como o reforço da "
        "cooperação sub-regional na gestão de riscos, iniciada em 2019.",
        "As remessas enviadas pelos trabalhadores migrantes constituem uma fonte de rendimento "
        "essencial para milhões de famílias. Em Cabo Verde, representam cerca de 12% do produto "
        "interno bruto. No entanto, o custo médio do envio de 200 dólares continua acima de 7% em "
        "vários corredores africanos, mais do dobro da meta fixada no Objetivo de Desenvolvimento "
        "Sustentável 10.c. A promoção da concorrência entre prestadores e da inclusão financeira dos "
        "migrantes foi considerada uma prioridade.",
        "As organizações da sociedade civil apelaram a que o Pacto Global reconheça o papel das "
        "associações de migrantes e da diáspora. Em Portugal, o Conselho para as Migrações integra "
        "representantes das comunidades imigrantes e é ouvido sobre as principais medidas de "
        "política. Várias organizações salientaram, contudo, que a participação não pode limitar-se "
        "a consultas pontuais e deve incluir o acompanhamento da execução das políticas e a "
        "avaliação dos seus resultados, com recursos próprios.",
        "O relatório do Secretário-Geral (A/72/643) propõe que a migração seja gerida através da "
        "cooperação internacional, que os Estados alarguem as vias de migração regular e que os "
        "direitos de todos os migrantes sejam protegidos. Segundo o documento, a existência de vias "
        "regulares suficientes é a melhor forma de reduzir a migração irregular e de combater as "
        "redes de introdução clandestina de migrantes, que lucram com a falta de alternativas e "
        "colocam em risco a vida de milhares de pessoas.",
        "No âmbito do seguimento, foi proposta a criação de um Fórum de Análise da Migração "
        "Internacional, que se reuniria de quatro em quatro anos a partir de 2022. Os "
        "Estados-membros deverão ainda apresentar, numa base voluntária, relatórios sobre os "
        "progressos alcançados. A delegação de Angola sugeriu que as análises regionais fossem "
        "organizadas pelas comissões económicas regionais, em estreita articulação com a Rede das "
        "Nações Unidas para as Migrações e com a União Africana.",
        "A Conferência Sul-Americana sobre Migrações reafirmou o princípio da cidadania "
        "sul-americana e o direito de toda pessoa a migrar. Os participantes destacaram os avanços "
        "obtidos graças ao Acordo de Residência do Mercosul, que permitiu a regularização de "
        "centenas de milhares de pessoas na região. Sublinharam igualmente a necessidade de "
        "harmonizar os registos administrativos e de produzir estatísticas fiáveis e comparáveis, a "
        "fim de fundamentar as políticas públicas em dados empíricos.",
        "As mulheres representam quase metade dos migrantes internacionais e são maioritárias entre "
        "os trabalhadores domésticos migrantes. Muitas trabalham sem contrato escrito e sem proteção "
        "social, expostas a situações de abuso. A delegação de Timor-Leste recordou a Convenção n.º "
        "189 da OIT sobre o trabalho digno para as trabalhadoras e os trabalhadores domésticos e "
        "pediu que o Pacto Global integre uma perspetiva de género em todos os seus objetivos, tal "
        "como previsto no parágrafo 25.",
        "Os jovens migrantes que participaram na audição informal com as partes interessadas "
        "descreveram as dificuldades que enfrentam para obter o reconhecimento dos seus diplomas. "
        "Uma estudante angolana residente em Lisboa explicou que, apesar de ter concluído uma "
        "licenciatura em engenharia, só tinha conseguido empregos precários. Os participantes "
        "recomendaram a criação de mecanismos de reconhecimento mútuo de qualificações e de "
        "programas de bolsas que facilitem a mobilidade académica no espaço lusófono.",
        "O processo de consulta nacional, conduzido pelo Alto Comissariado para as Migrações, "
        "envolveu sessões de trabalho em Lisboa, no Porto e em Faro, com a participação de "
        "autarquias, universidades, sindicatos e associações de imigrantes. As contribuições "
        "recolhidas foram reunidas num documento que serviu de base ao Plano Nacional de "
        "Implementação do Pacto Global. Entre as medidas previstas figuram a simplificação dos "
        "procedimentos de autorização de residência e o reforço da ação inspetiva, aprovado em 2019.",
    ),
}


def word_count(text: str) -> int:
    return len(text.split())
