"""A labelled set for measuring language labels, written for it in English, Spanish, French
and Portuguese.

Everything is realistic prose of consultation documents on migration policy (statements,
meeting reports, concept notes, e-mails, UN-style documents), written for this measurement:

- PROSE: ordinary paragraphs, with their accents;
- NAMES: paragraphs dense with proper names and acronyms (IOM/OIM, UNHCR/ACNUR/HCR,
  ECLAC/CEPAL, GFMD/FMMD, R4V, people, cities, countries), which pull towards the wrong
  language;
- FIGURES: paragraphs dense with numbers, dates and UN symbols (A/RES/73/195, CMW/C/35/1);
- UNACCENTED: paragraphs typed without accents ("migracion", "acao", "developpement"), as in
  e-mails and badly extracted PDFs (Spanish, French, Portuguese only);
- `stripped(...)` derives an accent-stripped variant of every accented paragraph, heading and
  document, so accent loss is measured on the same content as the accented text;
- LIST_ITEMS: list items of 40-99 characters (the zone just above MIN_LETTERS);
- SHORT_LINES: lines a document carries besides headings (a date line, "Original: English",
  a name), too short to judge;
- HEADINGS: 36 short headings per language, 1-6 words; the same words exist in several
  languages ("Introduction" en/fr, "Contexto" es/pt, "Anexo II" es/pt), which `heading_gold`
  accounts for;
- TITLES: one per document; `documents()` builds 20 documents per language from the pieces
  above (deterministically), and MIXED_DOCUMENTS are 10 hand-assembled mixed-language
  documents (an English report with a Spanish annex, bilingual titles...) with a gold label
  per paragraph;
- other languages (end of the module): OTHER_PROSE and OTHER_LINES in German, Dutch, Italian,
  Russian and Arabic (and one paragraph in six more), which must never come out en/es/fr/pt;
  NAMES_IN_PROSE, paragraphs of the four full of names given in another language, which keep
  their own label; NAMES_LISTS, lists of names that must not label a document's paragraph
  with confidence; OTHER_DOCUMENTS built from them.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

LANGUAGES = ("en", "es", "fr", "pt")

PROSE: dict[str, tuple[str, ...]] = {
    "en": (
        "The delegation welcomed the opportunity to share its experience in implementing the Global Compact and stressed that regular pathways remain the most effective way to reduce irregular movements across the region.",
        "Participants agreed that data on remittances should be collected more frequently and disaggregated by sex and age, so that policy makers can understand how households use these transfers over time.",
        "The session will take stock of progress made since the last review, identify gaps in the protection of migrant workers in domestic service, and propose concrete commitments for the coming biennium.",
        "Several speakers noted that climate-related displacement is already reshaping internal mobility, particularly in low-lying coastal areas, and called for planned relocation to be carried out only with the consent of affected communities.",
        "We are deeply concerned by reports of children held in immigration detention. Detention is never in the best interests of the child, and community-based alternatives exist that are both humane and less costly.",
        "The meeting was opened by the Chair, who recalled the mandate of the working group and invited members to adopt the provisional agenda without amendment. The agenda was adopted.",
        "Recruitment fees charged to workers continue to be one of the main drivers of debt bondage. Governments should enforce the employer-pays principle and license the agencies that recruit across borders.",
        "This concept note outlines the objectives, format and expected outcomes of the second thematic consultation, which will focus on the social and economic inclusion of migrants in host communities.",
        "Local authorities are often the first point of contact for newcomers. Cities represented at the forum described one-stop shops that combine language classes, legal advice and help with finding housing and work.",
        "Access to basic services should not depend on migration status. Firewalls between service providers and immigration enforcement allow people to seek medical care or report crimes without fear of being deported.",
        "The review found that bilateral labour agreements rarely include clear provisions on the portability of social security benefits, leaving returning workers without the pensions they paid into for many years.",
        "In closing, the facilitator thanked all participants for their constructive engagement and noted that a summary of the discussion would be circulated to member states before the end of the month.",
        "Our government has adopted a national action plan against trafficking in persons, which strengthens victim identification at border crossings and guarantees access to shelter whether or not victims cooperate with prosecutors.",
        "Evidence shows that migrants contribute more in taxes than they receive in benefits over their lifetime. Public narratives, however, frequently ignore these findings and portray migration mainly as a burden.",
        "The working group recommended that consular services be strengthened so that nationals abroad can obtain identity documents quickly, since the lack of documents is a major obstacle to regularisation.",
        "Search and rescue at sea is a legal obligation and a humanitarian imperative. No one should be punished for saving lives, and disembarkation arrangements must respect the principle of non-refoulement.",
        "Skills partnerships between countries of origin and destination can match training to labour market needs, provided that they benefit the workers who stay as well as those who choose to move.",
        "Returns should be safe and dignified, and reintegration support should start before departure. Many returnees told researchers that they had received no information about the assistance available at home.",
        "The second panel examined how digital technologies are changing the management of borders, from biometric registration to automated risk assessment, and raised questions about privacy and accountability.",
        "Members of the diaspora play a decisive role in the development of their communities of origin, not only through remittances but also by transferring knowledge, investing in small businesses and supporting local schools.",
        "Xenophobia and hate speech against migrants have increased during the pandemic. We call on political leaders to refrain from stigmatising language and to promote accurate information about migration.",
        "The draft outcome document will be revised on the basis of written comments received by 15 March. Delegations are kindly requested to submit their comments using the template attached to this letter.",
        "Women represent almost half of all international migrants, yet their specific needs are often overlooked. Gender-responsive policies must address the risks faced by women employed in care work and agriculture.",
        "Family reunification remains slow and expensive in many countries. Long waiting periods separate parents from their children for years and undermine the integration of those who have already settled.",
        "Some participants cautioned against linking development aid to cooperation on returns, arguing that such conditionality undermines trust and diverts resources away from the poorest communities.",
        "Statistical offices face serious difficulties in measuring emigration, since people who leave rarely deregister. Mirror statistics from countries of destination can help to fill this gap.",
        "Labour inspectors should be able to visit all workplaces, including private homes where domestic workers are employed, and their role must remain separate from the enforcement of immigration rules.",
        "The regional review gave governments, civil society, trade unions and the private sector an opportunity to exchange good practices and to agree on priorities for the next four years.",
        "The Chair's summary will not be negotiated. It reflects the views expressed during the dialogue and will be annexed to the report of the Forum as an input to the next progress declaration.",
        "We encourage States to include migrants in national recovery plans, and to ensure that migrant health workers whose qualifications were recognised on an emergency basis can continue to practise.",
        "Civil society organisations described how border closures had stranded seasonal workers far from home, often without wages, food or a place to stay, and asked for emergency consular assistance to be expanded.",
        "Participants were invited to reflect on three guiding questions, set out below, and to share concrete examples of policies that have improved outcomes for migrants and their host communities.",
        "The consultation brought together more than two hundred participants from governments, local authorities, trade unions, employers' organisations, migrant-led associations and academia. Over two days they discussed how labour migration schemes could be made fairer, how to ensure that workers are informed of their rights before they leave, and how complaints can be handled when employers fail to respect contracts. Many participants insisted that the voices of migrants themselves must be heard at every stage, from the design of programmes to their evaluation.",
        "Although the number of people forcibly displaced has doubled over the past decade, the share of humanitarian funding devoted to protection has remained almost unchanged. Host countries, most of them middle-income economies, bear a disproportionate part of the responsibility. The delegation therefore called for predictable, multi-year financing, for the inclusion of refugees and migrants in national development plans, and for partnerships with development banks that can support schools, clinics and infrastructure in the areas that receive the largest numbers of new arrivals.",
        "The report of the meeting was adopted by consensus and will be transmitted to the General Assembly for its consideration.",
        "Delegations are invited to confirm their participation and the names of their representatives by e-mail before Friday.",
    ),
    "es": (
        "La delegación de Colombia destacó que, desde 2015, el país ha recibido a más de dos millones de personas procedentes de Venezuela y que el Estatuto Temporal de Protección ha permitido regularizar a la gran mayoría de ellas.",
        "Los participantes coincidieron en que la recopilación de datos sobre remesas debe mejorar, con información desglosada por sexo, edad y lugar de origen, para orientar políticas que fortalezcan la inclusión financiera de las familias.",
        "La sesión tiene por objeto evaluar los avances logrados desde el último examen regional, identificar las lagunas en la protección de las trabajadoras domésticas migrantes y proponer compromisos concretos para el próximo bienio.",
        "Varios oradores señalaron que los desplazamientos vinculados al cambio climático ya están transformando la movilidad interna en Centroamérica, en particular en el llamado Corredor Seco, donde la sequía ha destruido las cosechas.",
        "Nos preocupa profundamente la detención de niños, niñas y adolescentes por motivos migratorios. La detención nunca responde al interés superior del niño y existen alternativas comunitarias más humanas y menos costosas.",
        "La Presidencia abrió la reunión, recordó el mandato del grupo de trabajo e invitó a los miembros a aprobar el programa provisional sin modificaciones. El programa quedó aprobado por consenso.",
        "El cobro de comisiones de contratación a los trabajadores sigue siendo una de las principales causas de servidumbre por deudas. Los gobiernos deben hacer cumplir el principio de que el empleador paga.",
        "La presente nota conceptual describe los objetivos, el formato y los resultados esperados de la segunda consulta temática, que se centrará en la inclusión social y económica de las personas migrantes en las comunidades de acogida.",
        "Los gobiernos locales suelen ser el primer punto de contacto de las personas recién llegadas. Las ciudades presentes en el foro describieron ventanillas únicas que ofrecen orientación jurídica, cursos y apoyo para encontrar vivienda.",
        "El acceso a la salud y a la educación no debe depender de la situación migratoria. Es necesario separar la prestación de servicios públicos del control migratorio para que nadie tema acudir a un hospital o denunciar un delito.",
        "El estudio constató que los acuerdos bilaterales de trabajo rara vez incluyen disposiciones claras sobre la portabilidad de las prestaciones de seguridad social, lo que deja a muchos trabajadores retornados sin pensión.",
        "Para concluir, la facilitadora agradeció a todas las personas participantes su compromiso constructivo e indicó que el resumen de los debates se distribuirá a los Estados miembros antes de fin de mes.",
        "Nuestro Gobierno aprobó un plan nacional contra la trata de personas que refuerza la identificación de víctimas en los pasos fronterizos y garantiza el acceso a albergues con independencia de su colaboración con la fiscalía.",
        "La evidencia muestra que las personas migrantes aportan más en impuestos de lo que reciben en prestaciones a lo largo de su vida. Sin embargo, el discurso público suele ignorar estos datos y presenta la migración como una carga.",
        "El grupo de trabajo recomendó fortalecer los servicios consulares para que los nacionales en el exterior puedan obtener documentos de identidad con rapidez, ya que la falta de documentos es un obstáculo importante para la regularización.",
        "El rescate en el mar es una obligación jurídica y un imperativo humanitario. Nadie debería ser castigado por salvar vidas, y los acuerdos de desembarco deben respetar el principio de no devolución.",
        "Las alianzas para el desarrollo de competencias entre países de origen y de destino pueden ajustar la formación a las necesidades del mercado laboral, siempre que beneficien también a quienes deciden quedarse.",
        "El retorno debe ser seguro y digno, y el apoyo a la reintegración debe comenzar antes de la salida. Muchas personas retornadas declararon que no habían recibido ninguna información sobre la asistencia disponible en su país.",
        "El segundo panel examinó cómo las tecnologías digitales están cambiando la gestión de las fronteras, desde el registro biométrico hasta la evaluación automatizada de riesgos, y planteó preguntas sobre la privacidad y la rendición de cuentas.",
        "Las diásporas desempeñan un papel decisivo en el desarrollo de sus comunidades de origen, no solo mediante las remesas, sino también transfiriendo conocimientos, invirtiendo en pequeñas empresas y apoyando a las escuelas locales.",
        "La xenofobia y los discursos de odio contra las personas migrantes han aumentado durante la pandemia. Hacemos un llamado a los líderes políticos para que se abstengan de utilizar un lenguaje estigmatizante.",
        "El proyecto de documento final se revisará sobre la base de los comentarios escritos recibidos hasta el 15 de marzo. Se ruega a las delegaciones que envíen sus observaciones utilizando la plantilla adjunta.",
        "Las mujeres representan casi la mitad de las personas migrantes internacionales, pero sus necesidades específicas suelen pasarse por alto, en particular las de quienes trabajan en el cuidado de personas y en la agricultura.",
        "La reunificación familiar sigue siendo lenta y costosa en muchos países. Los largos plazos de espera separan durante años a madres y padres de sus hijos y dificultan la integración de quienes ya se han establecido.",
        "Algunos participantes advirtieron contra la práctica de condicionar la ayuda al desarrollo a la cooperación en materia de retorno, ya que esa condicionalidad socava la confianza entre los países.",
        "Las oficinas de estadística tienen serias dificultades para medir la emigración, porque quienes se van rara vez se dan de baja en los registros. Las estadísticas espejo de los países de destino pueden ayudar a colmar esta laguna.",
        "La consulta reunió a más de doscientas personas de gobiernos, autoridades locales, sindicatos, organizaciones de empleadores, asociaciones de migrantes y universidades. Durante dos días se debatió cómo hacer más justos los programas de migración laboral, cómo garantizar que las personas trabajadoras conozcan sus derechos antes de partir y cómo tramitar las quejas cuando los empleadores no respetan los contratos. Muchas personas insistieron en que la voz de los propios migrantes debe escucharse en todas las etapas, desde el diseño de los programas hasta su evaluación.",
        "Aunque el número de personas desplazadas por la fuerza se ha duplicado en la última década, la proporción de la financiación humanitaria destinada a la protección apenas ha cambiado. Los países de acogida, en su mayoría economías de ingreso medio, asumen una parte desproporcionada de la responsabilidad. Por ello, la delegación pidió una financiación previsible y plurianual, la inclusión de las personas refugiadas y migrantes en los planes nacionales de desarrollo y alianzas con los bancos de desarrollo que apoyen escuelas, centros de salud e infraestructuras.",
        "El informe de la reunión fue aprobado por consenso y se transmitirá a la Asamblea General para su examen.",
        "Se invita a las delegaciones a confirmar su participación y los nombres de sus representantes antes del viernes.",
    ),
    "fr": (
        "La délégation du Sénégal a rappelé que la migration est avant tout un facteur de développement et que la mobilité intra-africaine représente la majorité des déplacements sur le continent.",
        "Les participants ont convenu que les données sur les envois de fonds devraient être collectées plus souvent et ventilées par sexe et par âge, afin de mieux comprendre l'usage qu'en font les ménages.",
        "La session a pour objet de faire le point sur les progrès accomplis depuis le dernier examen, de recenser les lacunes dans la protection des travailleurs migrants et de proposer des engagements concrets.",
        "Plusieurs intervenants ont souligné que les déplacements liés aux changements climatiques transforment déjà la mobilité interne au Sahel, où la dégradation des terres pousse les éleveurs vers le sud.",
        "Nous sommes profondément préoccupés par la rétention d'enfants pour des motifs liés à la migration. La détention n'est jamais dans l'intérêt supérieur de l'enfant, et des solutions de remplacement existent.",
        "Le Président a ouvert la séance, rappelé le mandat du groupe de travail et invité les membres à adopter l'ordre du jour provisoire sans modification. L'ordre du jour a été adopté.",
        "Les frais de recrutement exigés des travailleurs demeurent l'une des principales causes de servitude pour dettes. Les gouvernements devraient faire respecter le principe selon lequel l'employeur paie.",
        "La présente note conceptuelle expose les objectifs, le format et les résultats attendus de la deuxième consultation thématique, consacrée à l'inclusion sociale et économique des migrants dans les communautés d'accueil.",
        "Les collectivités locales sont souvent le premier interlocuteur des nouveaux arrivants. Les villes présentes au forum ont décrit des guichets uniques qui proposent des cours de langue, des conseils juridiques et une aide au logement.",
        "L'accès aux services de base ne doit pas dépendre du statut migratoire. Il convient de séparer les services publics du contrôle de l'immigration afin que chacun puisse se faire soigner ou porter plainte sans crainte.",
        "L'étude a montré que les accords bilatéraux de main-d'œuvre prévoient rarement la portabilité des droits à la sécurité sociale, si bien que de nombreux travailleurs de retour sont privés de leur pension.",
        "En conclusion, la facilitatrice a remercié l'ensemble des participants de leur engagement constructif et a indiqué qu'un résumé des débats serait transmis aux États membres avant la fin du mois.",
        "Notre gouvernement a adopté un plan d'action national contre la traite des êtres humains, qui renforce l'identification des victimes aux postes frontières et garantit l'accès à un hébergement.",
        "Les travaux de recherche montrent que les migrants versent davantage en impôts et cotisations qu'ils ne reçoivent en prestations. Le débat public ignore pourtant souvent ces résultats.",
        "Le groupe de travail a recommandé de renforcer les services consulaires afin que les ressortissants établis à l'étranger puissent obtenir rapidement leurs pièces d'identité, dont l'absence freine la régularisation.",
        "Le sauvetage en mer est une obligation juridique et un impératif humanitaire. Nul ne devrait être sanctionné pour avoir sauvé des vies, et le débarquement doit respecter le principe de non-refoulement.",
        "Les partenariats pour le développement des compétences entre pays d'origine et de destination peuvent adapter la formation aux besoins du marché du travail, à condition de profiter aussi à ceux qui restent.",
        "Le retour doit se faire dans la sécurité et la dignité, et l'aide à la réintégration doit commencer avant le départ. Beaucoup de personnes rentrées chez elles disent n'avoir reçu aucune information.",
        "Le deuxième panel a examiné la manière dont les technologies numériques modifient la gestion des frontières, de l'enregistrement biométrique à l'évaluation automatisée des risques, et soulevé des questions de protection des données.",
        "Les diasporas jouent un rôle déterminant dans le développement de leurs communautés d'origine, non seulement par les transferts de fonds, mais aussi par le transfert de savoir-faire et l'investissement dans les petites entreprises.",
        "La xénophobie et les discours de haine à l'encontre des migrants se sont multipliés pendant la pandémie. Nous appelons les responsables politiques à s'abstenir de tout propos stigmatisant.",
        "Le projet de document final sera révisé sur la base des observations écrites reçues avant le 15 mars. Les délégations sont priées de transmettre leurs commentaires au moyen du modèle joint à la présente lettre.",
        "Les femmes représentent près de la moitié des migrants internationaux, mais leurs besoins particuliers sont souvent négligés, notamment ceux des travailleuses employées dans les soins à domicile et l'agriculture.",
        "Le regroupement familial reste lent et coûteux dans de nombreux pays. De longs délais d'attente séparent pendant des années les parents de leurs enfants et compromettent l'intégration des familles déjà installées.",
        "Certains participants ont mis en garde contre le fait de subordonner l'aide au développement à la coopération en matière de retour, estimant qu'une telle conditionnalité nuit à la confiance mutuelle.",
        "Les instituts de statistique peinent à mesurer l'émigration, car les personnes qui partent se désinscrivent rarement des registres. Les statistiques miroirs des pays de destination peuvent combler cette lacune.",
        "La consultation a réuni plus de deux cents participants issus des gouvernements, des collectivités, des syndicats, des employeurs, des associations de migrants et des universités, pendant deux jours. Ils ont examiné comment rendre les programmes de migration de travail plus équitables, comment garantir que les travailleurs connaissent leurs droits avant leur départ et comment traiter les plaintes quand les contrats ne sont pas respectés. De nombreux participants ont insisté pour que la voix des migrants soit entendue à chaque étape, de la conception des programmes à leur évaluation.",
        "Bien que le nombre de personnes déplacées de force ait doublé au cours de la dernière décennie, la part du financement humanitaire consacrée à la protection est restée presque inchangée. Les pays d'accueil, pour la plupart des économies à revenu intermédiaire, assument une part disproportionnée de la responsabilité. La délégation a donc appelé à un financement prévisible et pluriannuel, à l'inclusion des réfugiés et des migrants dans les plans nationaux de développement et à des partenariats avec les banques de développement pour soutenir écoles, centres de santé et infrastructures.",
        "Le rapport de la réunion a été adopté par consensus et sera transmis à l'Assemblée générale pour examen.",
        "Les délégations sont invitées à confirmer leur participation et le nom de leurs représentants avant vendredi.",
    ),
    "pt": (
        "A delegação do Brasil recordou que a Operação Acolhida já interiorizou mais de cem mil pessoas vindas da Venezuela e que a nova Lei de Migração garante o acesso universal aos serviços públicos.",
        "Os participantes concordaram que os dados sobre remessas devem ser recolhidos com maior frequência e desagregados por sexo e idade, para que os decisores compreendam como as famílias utilizam essas transferências.",
        "A sessão tem por objetivo fazer o balanço dos progressos alcançados desde a última revisão, identificar lacunas na proteção dos trabalhadores migrantes e propor compromissos concretos para o próximo biênio.",
        "Vários oradores observaram que as deslocações associadas às alterações climáticas já estão a transformar a mobilidade interna em Moçambique, sobretudo nas zonas costeiras afetadas pelos ciclones Idai e Kenneth.",
        "Estamos profundamente preocupados com a detenção de crianças por motivos migratórios. A detenção nunca corresponde ao interesse superior da criança e existem alternativas comunitárias mais humanas.",
        "O Presidente abriu a reunião, recordou o mandato do grupo de trabalho e convidou os membros a aprovar a agenda provisória sem alterações. A agenda foi aprovada por consenso.",
        "As taxas de recrutamento cobradas aos trabalhadores continuam a ser uma das principais causas de servidão por dívidas. Os governos devem fazer cumprir o princípio de que é o empregador quem paga.",
        "A presente nota conceptual descreve os objetivos, o formato e os resultados esperados da segunda consulta temática, dedicada à inclusão social e económica dos migrantes nas comunidades de acolhimento.",
        "As autarquias são muitas vezes o primeiro ponto de contacto dos recém-chegados. Os municípios presentes no fórum descreveram balcões únicos que oferecem aulas de português, apoio jurídico e ajuda na procura de habitação.",
        "O acesso à saúde e à educação não deve depender da situação migratória. É necessário separar a prestação de serviços públicos do controle migratório, para que ninguém tenha medo de ir ao hospital ou de fazer uma denúncia.",
        "O estudo concluiu que os acordos bilaterais de trabalho raramente incluem disposições claras sobre a portabilidade das prestações de segurança social, deixando muitos trabalhadores regressados sem pensão.",
        "Para concluir, a facilitadora agradeceu a todos os participantes o seu empenho construtivo e informou que o resumo dos debates será enviado aos Estados-membros até ao final do mês.",
        "O nosso Governo aprovou um plano nacional de combate ao tráfico de seres humanos, que reforça a identificação das vítimas nos postos de fronteira e garante o acesso a casas de abrigo.",
        "Os estudos mostram que os migrantes contribuem mais em impostos e contribuições do que recebem em prestações ao longo da vida. No entanto, o discurso público ignora frequentemente estes dados.",
        "O grupo de trabalho recomendou o reforço dos serviços consulares, para que os cidadãos no estrangeiro possam obter rapidamente documentos de identificação, cuja falta é um obstáculo à regularização.",
        "O salvamento no mar é uma obrigação jurídica e um imperativo humanitário. Ninguém deve ser punido por salvar vidas, e o desembarque deve respeitar o princípio de não repulsão.",
        "As parcerias para o desenvolvimento de competências entre países de origem e de destino podem ajustar a formação às necessidades do mercado de trabalho, desde que beneficiem também quem fica.",
        "O regresso deve ser seguro e digno, e o apoio à reintegração deve começar antes da partida. Muitas pessoas regressadas afirmaram não ter recebido qualquer informação sobre a assistência disponível.",
        "O segundo painel analisou como as tecnologias digitais estão mudando a gestão das fronteiras, desde o registro biométrico até a avaliação automatizada de riscos, e levantou questões sobre privacidade e prestação de contas.",
        "As diásporas desempenham um papel decisivo no desenvolvimento das suas comunidades de origem, não só através das remessas, mas também pela transferência de conhecimentos e pelo investimento em pequenas empresas.",
        "A xenofobia e o discurso de ódio contra os migrantes aumentaram durante a pandemia. Apelamos aos responsáveis políticos para que se abstenham de utilizar linguagem estigmatizante.",
        "O projeto de documento final será revisto com base nos comentários escritos recebidos até 15 de março. Solicita-se às delegações que enviem as suas observações através do modelo anexo a esta carta.",
        "As mulheres representam quase metade dos migrantes internacionais, mas as suas necessidades específicas são muitas vezes esquecidas, em especial as das trabalhadoras do setor dos cuidados e da agricultura.",
        "O reagrupamento familiar continua a ser lento e dispendioso em muitos países. Longos prazos de espera separam pais e filhos durante anos e dificultam a integração de quem já se estabeleceu.",
        "Alguns participantes alertaram contra a prática de condicionar a ajuda ao desenvolvimento à cooperação em matéria de regresso, considerando que essa condicionalidade mina a confiança entre os países.",
        "Os institutos de estatística têm grandes dificuldades em medir a emigração, porque quem parte raramente cancela a sua inscrição nos registos. As estatísticas espelho dos países de destino ajudam a preencher esta lacuna.",
        "A consulta reuniu mais de duzentos participantes de governos, autoridades locais, sindicatos, organizações de empregadores, associações de migrantes e universidades. Durante dois dias, discutiu-se como tornar mais justos os programas de migração laboral, como garantir que os trabalhadores conheçam os seus direitos antes da partida e como tratar as queixas quando os empregadores não respeitam os contratos. Muitos participantes insistiram em que a voz dos próprios migrantes deve ser ouvida em todas as fases, desde a conceção dos programas até à sua avaliação.",
        "Embora o número de pessoas deslocadas à força tenha duplicado na última década, a parte do financiamento humanitário dedicada à proteção manteve-se praticamente inalterada. Os países de acolhimento, na sua maioria economias de rendimento médio, suportam uma parte desproporcionada da responsabilidade. A delegação apelou, por isso, a um financiamento previsível e plurianual, à inclusão dos refugiados e migrantes nos planos nacionais de desenvolvimento e a parcerias com os bancos de desenvolvimento que apoiem escolas, centros de saúde e infraestruturas.",
        "O relatório da reunião foi aprovado por consenso e será transmitido à Assembleia Geral para apreciação.",
        "As delegações são convidadas a confirmar a sua participação e os nomes dos seus representantes até sexta-feira.",
    ),
}

NAMES: dict[str, tuple[str, ...]] = {
    "en": (
        "On 4 June in Geneva, IOM Director General António Vitorino briefed the GFMD Steering Group together with UNHCR, UNICEF and the ILO, before ECLAC presented the Santiago findings to OHCHR and UNDP.",
        "Ambassador Jürg Lauber of Switzerland and Ambassador Juan José Gómez Camacho of Mexico co-facilitated the intergovernmental negotiations held at UN Headquarters in New York between February and July 2018.",
        "Statements were delivered by Bangladesh, the Philippines, Sri Lanka and Nepal on behalf of the Colombo Process, while Morocco and Germany reported on the GFMD co-chairmanship and the Marrakech conference.",
        "The UN Network on Migration, coordinated by IOM with UNHCR, OHCHR, UNODC, UNDP, WHO and the World Bank, launched the Migration MPTF in Rabat with initial pledges from Spain, Germany, the Netherlands and Mexico.",
        "ECLAC (CEPAL) and the OAS presented data from Venezuela, Colombia, Peru and Ecuador under the Quito Process, while the R4V platform led by UNHCR and IOM outlined the 2021 RMRP for Latin America.",
        "Ms Louise Arbour, SRSG for International Migration, met AU Commissioner Amira Elfadil and representatives of IGAD, ECOWAS and SADC in Addis Ababa to discuss the Free Movement Protocol.",
        "The EU-IOM Joint Initiative, funded through the EUTF for Africa, supported returns from Libya and Niger to Mali, Guinea, Senegal and Côte d'Ivoire, according to the IOM DTM and the MMC 4Mi surveys.",
        "Dr Tedros of WHO, Mr Filippo Grandi of UNHCR and Ms Michelle Bachelet of OHCHR issued a joint statement with IOM on vaccines for refugees and migrants in Jordan, Lebanon, Türkiye and Bangladesh.",
    ),
    "es": (
        "La OIM, el ACNUR y UNICEF informaron al Grupo Directivo del FMMD en Ginebra, y luego la CEPAL, la OIT y el ACNUDH presentaron los resultados de la Conferencia Regional sobre Migración celebrada en Tegucigalpa.",
        "El Embajador Juan José Gómez Camacho, de México, y el Embajador Jürg Lauber, de Suiza, cofacilitaron las negociaciones intergubernamentales celebradas en la Sede de las Naciones Unidas en Nueva York en 2018.",
        "Intervinieron Guatemala, Honduras, El Salvador y México en nombre del Plan de Desarrollo Integral, mientras que Chile, Argentina, Uruguay y Paraguay informaron sobre los acuerdos de residencia del MERCOSUR.",
        "La Plataforma R4V, codirigida por el ACNUR y la OIM, presentó en Lima y Quito el RMRP 2021 con datos de Colombia, Perú, Ecuador, Brasil y Chile, junto con el BID, el Banco Mundial y la OEA.",
        "Michelle Bachelet, Alta Comisionada del ACNUDH, y Alicia Bárcena, Secretaria Ejecutiva de la CEPAL, inauguraron en Santiago el foro con el Canciller de Chile y representantes de la SEGIB y del SICA.",
        "El Proceso de Quito, con la participación de Argentina, Brasil, Chile, Colombia, Costa Rica, Ecuador, México, Panamá, Paraguay, Perú y Uruguay, aprobó en Buenos Aires la Hoja de Ruta y el Plan de Acción de Bogotá.",
        "Según el DTM de la OIM y la encuesta 4Mi del MMC, la mayoría de las personas que cruzaron el Darién entre Necoclí y Bajo Chiquito en 2022 provenían de Venezuela, Haití y Ecuador.",
        "La CRM, la CSM, la OIT, el PNUD y la OPS firmaron en San José un memorando de entendimiento con el SICA y la COMISCA para fortalecer la atención sanitaria de las personas migrantes en Costa Rica y Panamá.",
    ),
    "fr": (
        "L'OIM, le HCR et l'UNICEF ont informé le Groupe de pilotage du FMMD à Genève, puis la CEDEAO, l'OIT et le HCDH ont présenté les conclusions de la conférence de Rabat organisée avec le Maroc et l'Union africaine.",
        "M. António Vitorino, Directeur général de l'OIM, et Mme Louise Arbour, Représentante spéciale du Secrétaire général, ont rencontré à Niamey les ministres du Niger, du Mali, du Burkina Faso et du Tchad.",
        "Le Processus de Rabat, qui réunit l'UE et une soixantaine de pays d'Afrique du Nord, de l'Ouest et du Centre, a adopté à Marrakech le Plan d'action de Cadix avec l'appui de l'ICMPD et de la CEDEAO.",
        "Le Fonds fiduciaire d'urgence de l'UE pour l'Afrique a financé l'Initiative conjointe UE-OIM au Sénégal, en Guinée, en Côte d'Ivoire, au Cameroun et en Mauritanie, selon la DTM et l'enquête 4Mi du MMC.",
        "Mme Michelle Bachelet (HCDH), M. Filippo Grandi (HCR) et le Dr Tedros (OMS) ont publié avec l'OIM une déclaration commune sur l'accès des réfugiés et migrants aux vaccins au Liban, en Jordanie et en Libye.",
        "Le Réseau des Nations Unies sur les migrations, coordonné par l'OIM avec le HCR, le HCDH, l'ONUDC, le PNUD, l'OMS et la Banque mondiale, a lancé le MPTF à Rabat avec des contributions de l'Espagne et du Mexique.",
        "La CEEAC, l'UEMOA, la CEMAC et l'IGAD ont participé à Dakar et à Abidjan aux ateliers du JLMP, le programme conjoint OIT-OIM-CEA-UA sur la gouvernance des migrations de main-d'œuvre.",
        "Le Canada, la Belgique, la Suisse et le Luxembourg ont présenté à Bruxelles, avec l'OCDE et l'OIF, leurs programmes de mobilité des jeunes avec le Maghreb, Haïti et les Comores.",
    ),
    "pt": (
        "A OIM, o ACNUR e o UNICEF informaram o Grupo Diretor do FMMD em Genebra, e depois a CEPAL, a OIT e o ACNUDH apresentaram as conclusões da reunião de Brasília sobre a Declaração de Cartagena.",
        "O Embaixador Jürg Lauber, da Suíça, e o Embaixador Juan José Gómez Camacho, do México, cofacilitaram as negociações intergovernamentais realizadas na sede das Nações Unidas em Nova Iorque em 2018.",
        "A CPLP, a SADC e a CEDEAO reuniram-se em Luanda com delegações de Angola, Moçambique, Cabo Verde, Guiné-Bissau e São Tomé e Príncipe para discutir o Acordo de Mobilidade assinado em Luanda.",
        "A Plataforma R4V, coliderada pelo ACNUR e pela OIM, apresentou em Boa Vista e Manaus o RMRP 2021 com dados de Roraima, do Amazonas e de São Paulo, em conjunto com o BID e o Banco Mundial.",
        "António Guterres, Secretário-Geral da ONU, e António Vitorino, Diretor-Geral da OIM, participaram em Lisboa com o SEF, o ACM e a AIMA na conferência sobre o Pacto Global e o Plano Nacional de Implementação.",
        "Segundo a DTM da OIM e o inquérito 4Mi do MMC, a maioria das pessoas que atravessaram Pacaraima entre 2019 e 2022 vinha de Caracas, Maturín e Ciudad Guayana, com destino a Manaus e Porto Alegre.",
        "O Ministério da Justiça e Segurança Pública, a Polícia Federal, o CONARE e a Defensoria Pública da União assinaram em Brasília, com o ACNUR e a OIM, um protocolo sobre vistos humanitários para haitianos e afegãos.",
        "Cabo Verde, Portugal e Timor-Leste apresentaram no FMMD e na OIT, com o apoio da OCDE e do IOM Development Fund, os seus programas de mobilidade laboral com a Espanha, a França e o Luxemburgo.",
    ),
}

FIGURES: dict[str, tuple[str, ...]] = {
    "en": (
        "Pursuant to General Assembly resolution 73/195 (A/RES/73/195) and the modalities set out in resolution 73/326, the first International Migration Review Forum took place from 17 to 20 May 2022.",
        "In 2020 there were 281 million international migrants, or 3.6% of the world population; remittances to low- and middle-income countries reached USD 540 billion, down only 1.6% from 2019.",
        "Objectives 5, 6 and 18 of the Compact (paragraphs 21, 22 and 34) concern regular pathways, fair recruitment and skills recognition; see also document E/CN.9/2018/2, annex II, and ILO Convention No. 189.",
        "Between 1 January and 30 June, 1,146 deaths were recorded on the Central Mediterranean route, against 1,885 for the whole of 2019, according to the Missing Migrants Project (IOM, July 2020).",
        "Item 4 of the provisional agenda (CMW/C/35/1): consideration of reports submitted by States parties under article 73 of the Convention, including the second periodic report of Ecuador.",
        "Total funding requested: USD 1.79 billion for 2021, of which 46% for protection, 28% for integration and 26% for emergency assistance in 17 countries, as reported on the dashboard on 31 December.",
    ),
    "es": (
        "De conformidad con la resolución 73/195 de la Asamblea General (A/RES/73/195), el primer Foro de Examen de la Migración Internacional se celebró del 17 al 20 de mayo de 2022 en Nueva York.",
        "En 2020 había 281 millones de migrantes internacionales, es decir, el 3,6 % de la población mundial; las remesas hacia América Latina y el Caribe alcanzaron 103.000 millones de dólares, un 6,5 % más que en 2019.",
        "Los objetivos 5, 6 y 18 del Pacto (párrafos 21, 22 y 34) se refieren a las vías regulares, la contratación equitativa y el reconocimiento de competencias; véase también el documento E/CN.9/2018/2, anexo II.",
        "Entre el 1 de enero y el 30 de junio se registraron 1.146 muertes en la ruta del Mediterráneo central, frente a 1.885 en todo 2019, según el Proyecto Migrantes Desaparecidos (OIM, julio de 2020).",
        "Tema 4 del programa provisional (CMW/C/35/1): examen de los informes presentados por los Estados partes en virtud del artículo 73 de la Convención, incluido el segundo informe periódico del Ecuador.",
        "Financiamiento total solicitado: 1.790 millones de dólares para 2021, de los cuales el 46 % para protección, el 28 % para integración y el 26 % para asistencia de emergencia en 17 países.",
    ),
    "fr": (
        "Conformément à la résolution 73/195 de l'Assemblée générale (A/RES/73/195), le premier Forum d'examen des migrations internationales s'est tenu du 17 au 20 mai 2022 à New York.",
        "En 2020, on comptait 281 millions de migrants internationaux, soit 3,6 % de la population mondiale ; les envois de fonds vers l'Afrique subsaharienne ont atteint 42 milliards de dollars, en baisse de 12,5 % par rapport à 2019.",
        "Les objectifs 5, 6 et 18 du Pacte (paragraphes 21, 22 et 34) portent sur les voies régulières, le recrutement équitable et la reconnaissance des compétences ; voir aussi le document E/CN.9/2018/2, annexe II.",
        "Entre le 1er janvier et le 30 juin, 1 146 décès ont été enregistrés sur la route de la Méditerranée centrale, contre 1 885 pour l'ensemble de 2019, selon le Projet Migrants disparus (OIM, juillet 2020).",
        "Point 4 de l'ordre du jour provisoire (CMW/C/35/1) : examen des rapports présentés par les États parties en application de l'article 73 de la Convention, dont le deuxième rapport périodique du Sénégal.",
        "Financement total demandé : 1,79 milliard de dollars pour 2021, dont 46 % pour la protection, 28 % pour l'intégration et 26 % pour l'aide d'urgence dans 17 pays, selon le tableau de bord au 31 décembre.",
    ),
    "pt": (
        "Nos termos da resolução 73/195 da Assembleia Geral (A/RES/73/195), o primeiro Fórum de Revisão da Migração Internacional realizou-se de 17 a 20 de maio de 2022 em Nova Iorque.",
        "Em 2020 havia 281 milhões de migrantes internacionais, ou seja, 3,6% da população mundial; as remessas para o Brasil atingiram 3,6 mil milhões de dólares, mais 9,4% do que em 2019.",
        "Os objetivos 5, 6 e 18 do Pacto (parágrafos 21, 22 e 34) dizem respeito às vias regulares, ao recrutamento equitativo e ao reconhecimento de competências; ver também o documento E/CN.9/2018/2, anexo II.",
        "Entre 1 de janeiro e 30 de junho foram registadas 1146 mortes na rota do Mediterrâneo Central, contra 1885 em todo o ano de 2019, segundo o Projeto Migrantes Desaparecidos (OIM, julho de 2020).",
        "Ponto 4 da agenda provisória (CMW/C/35/1): exame dos relatórios apresentados pelos Estados Partes nos termos do artigo 73 da Convenção, incluindo o segundo relatório periódico de Cabo Verde.",
        "Financiamento total solicitado: 1,79 mil milhões de dólares para 2021, dos quais 46% para proteção, 28% para integração e 26% para assistência de emergência em 17 países, segundo o painel de 31 de dezembro.",
    ),
}

# Typed without accents (e-mails, old systems, keyboards without dead keys).
UNACCENTED: dict[str, tuple[str, ...]] = {
    "en": (),
    "es": (
        "La reunion de coordinacion se realizara el proximo martes en la oficina de la OIM en Guatemala. Se solicita a cada institucion confirmar la participacion de sus delegados antes del viernes.",
        "La migracion de retorno aumento de manera significativa despues de la pandemia, y los municipios fronterizos no cuentan con recursos suficientes para la atencion psicosocial de las familias deportadas.",
        "Segun la informacion recibida, la comision tecnica aprobo el plan de accion y recomendo ampliar la cobertura de los programas de proteccion para ninos, ninas y adolescentes no acompanados.",
        "Estimados colegas: adjunto la version revisada de la nota conceptual sobre la gestion de fronteras y la cooperacion regional. Agradeceria sus comentarios antes de la reunion del Comite.",
        "La Direccion General de Migracion informo que el tramite de regularizacion sera gratuito y podra realizarse en linea, lo que facilitara el acceso de las personas que viven lejos de la capital.",
        "Es fundamental garantizar la participacion de las organizaciones de la sociedad civil y de las propias personas migrantes en el diseno, la ejecucion y la evaluacion de la politica migratoria nacional.",
    ),
    "fr": (
        "La reunion de coordination aura lieu mardi prochain au bureau de l'OIM a Dakar. Chaque ministere est prie de confirmer la participation de ses representants avant vendredi.",
        "Le developpement des regions d'origine ne suffit pas a reduire les departs ; il faut aussi ouvrir des voies legales de migration et ameliorer la protection des travailleurs a l'etranger.",
        "Selon les informations recues, le comite technique a approuve le plan d'action et recommande d'etendre les programmes de protection aux enfants non accompagnes et aux victimes de la traite.",
        "Chers collegues, veuillez trouver ci-joint la version revisee de la note conceptuelle sur la gestion des frontieres et la cooperation regionale. Vos commentaires seraient les bienvenus avant la reunion.",
        "La Direction generale de la police des frontieres a indique que la procedure de regularisation sera gratuite et pourra etre effectuee en ligne, ce qui facilitera l'acces des personnes eloignees de la capitale.",
        "Il est essentiel de garantir la participation des organisations de la societe civile et des migrants eux-memes a l'elaboration, a la mise en oeuvre et a l'evaluation de la politique migratoire nationale.",
    ),
    "pt": (
        "A reuniao de coordenacao sera realizada na proxima terca-feira no escritorio da OIM em Maputo. Solicita-se a cada instituicao que confirme a participacao dos seus representantes ate sexta-feira.",
        "A acao do governo na area da migracao deve garantir a protecao dos trabalhadores no exterior e promover a integracao dos imigrantes nas comunidades onde vivem e trabalham.",
        "Segundo as informacoes recebidas, a comissao tecnica aprovou o plano de acao e recomendou alargar os programas de protecao as criancas nao acompanhadas e as vitimas de trafico.",
        "Caros colegas, segue em anexo a versao revista da nota conceitual sobre a gestao de fronteiras e a cooperacao regional. Agradeco os vossos comentarios antes da reuniao do Comite.",
        "A Policia Federal informou que o pedido de autorizacao de residencia sera gratuito e podera ser feito pela internet, o que facilitara o acesso das pessoas que vivem longe das capitais.",
        "E fundamental garantir a participacao das organizacoes da sociedade civil e dos proprios migrantes na elaboracao, execucao e avaliacao da politica migratoria nacional.",
    ),
}

# 40-99 characters: detected (above MIN_LETTERS) but far from a paragraph.
LIST_ITEMS: dict[str, tuple[str, ...]] = {
    "en": (
        "Strengthen consular assistance for migrants in vulnerable situations;",
        "Ensure access to justice regardless of migration status;",
        "Invest in language training for newly arrived workers;",
        "Collect data disaggregated by sex, age and migration status;",
        "End the detention of children for immigration purposes;",
        "Recognise the skills and qualifications of returning migrants;",
        "Reduce the cost of sending remittances to below three percent;",
        "Involve local authorities in the design of integration policies;",
        "Protect domestic workers through regular labour inspection;",
        "Provide clear information on legal pathways before departure.",
    ),
    "es": (
        "Fortalecer la asistencia consular a las personas migrantes en situación de vulnerabilidad;",
        "Garantizar el acceso a la justicia con independencia de la situación migratoria;",
        "Invertir en la formación de las personas trabajadoras recién llegadas;",
        "Recopilar datos desglosados por sexo, edad y situación migratoria;",
        "Poner fin a la detención de niñas y niños por motivos migratorios;",
        "Reconocer las competencias y los títulos de las personas retornadas;",
        "Reducir el costo del envío de remesas a menos del tres por ciento;",
        "Involucrar a los gobiernos locales en las políticas de integración;",
        "Proteger a las trabajadoras del hogar mediante la inspección laboral;",
        "Ofrecer información clara sobre las vías regulares antes de la salida.",
    ),
    "fr": (
        "Renforcer l'assistance consulaire aux migrants en situation de vulnérabilité ;",
        "Garantir l'accès à la justice quel que soit le statut migratoire ;",
        "Investir dans la formation linguistique des travailleurs nouvellement arrivés ;",
        "Recueillir des données ventilées par sexe, âge et statut migratoire ;",
        "Mettre fin à la rétention des enfants pour des motifs migratoires ;",
        "Reconnaître les compétences et les diplômes des migrants de retour ;",
        "Réduire le coût des envois de fonds à moins de trois pour cent ;",
        "Associer les collectivités locales aux politiques d'intégration ;",
        "Protéger les travailleuses domestiques grâce à l'inspection du travail ;",
        "Fournir une information claire sur les voies légales avant le départ.",
    ),
    "pt": (
        "Reforçar a assistência consular aos migrantes em situação de vulnerabilidade;",
        "Garantir o acesso à justiça independentemente da situação migratória;",
        "Investir na formação dos trabalhadores recém-chegados;",
        "Recolher dados desagregados por sexo, idade e situação migratória;",
        "Pôr fim à detenção de crianças por motivos migratórios;",
        "Reconhecer as competências e os diplomas dos migrantes regressados;",
        "Reduzir o custo do envio de remessas para menos de três por cento;",
        "Envolver as autarquias locais nas políticas de integração;",
        "Proteger as trabalhadoras domésticas através da inspeção do trabalho;",
        "Prestar informação clara sobre as vias regulares antes da partida.",
    ),
}

# Lines that are part of a document in its language, but say next to nothing by themselves.
SHORT_LINES: dict[str, tuple[str, ...]] = {
    "en": (
        "Thank you, Madam Chair.",
        "Geneva, 12 July 2018",
        "Original: English",
        "Check against delivery",
        "Ambassador María Fernanda Espinosa",
        "Room XVII, Palais des Nations",
        "Adopted without a vote",
        "See annex.",
        "For information only",
        "New York, 10 December",
    ),
    "es": (
        "Gracias, señora Presidenta.",
        "Ginebra, 12 de julio de 2018",
        "Original: español",
        "Cotejar con el discurso pronunciado",
        "Embajadora María Fernanda Espinosa",
        "Sala XVII, Palacio de las Naciones",
        "Aprobado sin votación",
        "Véase el anexo.",
        "Solo para información",
        "Nueva York, 10 de diciembre",
    ),
    "fr": (
        "Merci, Madame la Présidente.",
        "Genève, le 12 juillet 2018",
        "Original : français",
        "Seul le texte prononcé fait foi",
        "Ambassadrice María Fernanda Espinosa",
        "Salle XVII, Palais des Nations",
        "Adopté sans vote",
        "Voir l'annexe.",
        "Pour information seulement",
        "New York, le 10 décembre",
    ),
    "pt": (
        "Obrigado, Senhora Presidente.",
        "Genebra, 12 de julho de 2018",
        "Original: português",
        "Faz fé o texto efetivamente proferido",
        "Embaixadora María Fernanda Espinosa",
        "Sala XVII, Palácio das Nações",
        "Aprovado sem votação",
        "Ver anexo.",
        "Apenas para informação",
        "Nova Iorque, 10 de dezembro",
    ),
}

HEADINGS: dict[str, tuple[str, ...]] = {
    "en": (
        "Background",
        "Introduction",
        "Recommendations",
        "Plenary session",
        "Summary of the discussion",
        "Key messages",
        "Context",
        "Objectives",
        "Expected outcomes",
        "Conclusions",
        "Next steps",
        "Annex II",
        "Annex I: List of participants",
        "Opening remarks",
        "Closing session",
        "Agenda item 4",
        "Format and participation",
        "Guiding questions",
        "Follow-up and review",
        "Acknowledgements",
        "Executive summary",
        "Panel 2: Labour migration",
        "Theme I: Migrants' human rights",
        "Methodology",
        "Main findings",
        "Way forward",
        "Interactive dialogue",
        "Statement by the Chair",
        "Organisation of work",
        "Programme of the meeting",
        "Regional perspectives",
        "Lessons learned",
        "Financing and partnerships",
        "Questions for discussion",
        "Adoption of the report",
        "Table of contents",
    ),
    "es": (
        "Antecedentes",
        "Introducción",
        "Recomendaciones",
        "Sesión plenaria",
        "Resumen del debate",
        "Mensajes clave",
        "Contexto",
        "Objetivos",
        "Resultados esperados",
        "Conclusiones",
        "Próximos pasos",
        "Anexo II",
        "Anexo I: Lista de participantes",
        "Palabras de apertura",
        "Sesión de clausura",
        "Tema 4 del programa",
        "Formato y participación",
        "Preguntas orientadoras",
        "Seguimiento y examen",
        "Agradecimientos",
        "Resumen ejecutivo",
        "Panel 2: Migración laboral",
        "Tema I: Derechos humanos",
        "Metodología",
        "Principales hallazgos",
        "El camino a seguir",
        "Diálogo interactivo",
        "Declaración de la Presidencia",
        "Organización de los trabajos",
        "Programa de la reunión",
        "Perspectivas regionales",
        "Lecciones aprendidas",
        "Financiación y alianzas",
        "Preguntas para el debate",
        "Aprobación del informe",
        "Índice",
    ),
    "fr": (
        "Contexte",
        "Introduction",
        "Recommandations",
        "Séance plénière",
        "Résumé des débats",
        "Messages clés",
        "Historique",
        "Objectifs",
        "Résultats attendus",
        "Conclusions",
        "Prochaines étapes",
        "Annexe II",
        "Annexe I : Liste des participants",
        "Allocution d'ouverture",
        "Séance de clôture",
        "Point 4 de l'ordre du jour",
        "Format et participation",
        "Questions directrices",
        "Suivi et examen",
        "Remerciements",
        "Résumé analytique",
        "Panel 2 : Migration de main-d'œuvre",
        "Thème I : Droits de l'homme",
        "Méthodologie",
        "Principales constatations",
        "La voie à suivre",
        "Dialogue interactif",
        "Déclaration du Président",
        "Organisation des travaux",
        "Programme de la réunion",
        "Perspectives régionales",
        "Enseignements tirés",
        "Financement et partenariats",
        "Questions pour la discussion",
        "Adoption du rapport",
        "Table des matières",
    ),
    "pt": (
        "Antecedentes",
        "Introdução",
        "Recomendações",
        "Sessão plenária",
        "Resumo do debate",
        "Mensagens-chave",
        "Contexto",
        "Objetivos",
        "Resultados esperados",
        "Conclusões",
        "Próximos passos",
        "Anexo II",
        "Anexo I: Lista de participantes",
        "Palavras de abertura",
        "Sessão de encerramento",
        "Ponto 4 da agenda",
        "Formato e participação",
        "Perguntas orientadoras",
        "Acompanhamento e revisão",
        "Agradecimentos",
        "Sumário executivo",
        "Painel 2: Migração laboral",
        "Tema I: Direitos humanos",
        "Metodologia",
        "Principais conclusões",
        "O caminho a seguir",
        "Diálogo interativo",
        "Declaração do Presidente",
        "Organização dos trabalhos",
        "Programa da reunião",
        "Perspetivas regionais",
        "Lições aprendidas",
        "Financiamento e parcerias",
        "Perguntas para debate",
        "Aprovação do relatório",
        "Índice",
    ),
}

TITLES: dict[str, tuple[str, ...]] = {
    "en": (
        "Summary report of the regional consultation for Africa",
        "Concept note: second informal thematic session",
        "Statement by the Permanent Mission of Nepal",
        "Chair's summary of the International Migration Review Forum",
        "Contribution of the United Nations Network on Migration",
        "Report of the expert meeting on climate mobility",
        "Recommendations of the civil society hearing",
        "Outcome of the Asia-Pacific regional review",
        "Labour migration in the Gulf: a policy brief",
        "Guidance note on alternatives to immigration detention",
        "Minutes of the working group on remittances",
        "Background paper for the GFMD summit",
        "Statement on behalf of the Colombo Process",
        "Progress report on the national implementation plan",
        "Concept note: multi-stakeholder hearing on integration",
        "Report of the consultation with local authorities",
        "Joint statement on the protection of migrant children",
        "Summary of the stocktaking meeting in Puerto Vallarta",
        "Policy brief on return and sustainable reintegration",
        "Written submission to the Special Rapporteur",
    ),
    "es": (
        "Informe resumido de la consulta regional para América Latina",
        "Nota conceptual: segunda sesión temática oficiosa",
        "Intervención de la Misión Permanente de México",
        "Resumen de la Presidencia del Foro de Examen",
        "Contribución de la Red de las Naciones Unidas sobre la Migración",
        "Informe de la reunión de expertos sobre movilidad climática",
        "Recomendaciones de la audiencia con la sociedad civil",
        "Resultados del examen regional de América Latina y el Caribe",
        "La migración laboral en Centroamérica: nota de política",
        "Guía sobre alternativas a la detención migratoria",
        "Acta del grupo de trabajo sobre remesas",
        "Documento de antecedentes para la cumbre del FMMD",
        "Declaración en nombre de la Conferencia Suramericana sobre Migraciones",
        "Informe de avance del plan nacional de implementación",
        "Nota conceptual: audiencia sobre integración",
        "Informe de la consulta con gobiernos locales",
        "Declaración conjunta sobre la protección de la niñez migrante",
        "Resumen de la reunión de balance de Puerto Vallarta",
        "Nota de política sobre retorno y reintegración sostenible",
        "Comunicación escrita al Relator Especial",
    ),
    "fr": (
        "Rapport de synthèse de la consultation régionale pour l'Afrique",
        "Note conceptuelle : deuxième session thématique informelle",
        "Déclaration de la Mission permanente du Sénégal",
        "Résumé du Président du Forum d'examen des migrations internationales",
        "Contribution du Réseau des Nations Unies sur les migrations",
        "Rapport de la réunion d'experts sur la mobilité climatique",
        "Recommandations de l'audition de la société civile",
        "Résultats de l'examen régional pour l'Afrique de l'Ouest",
        "Les migrations de travail au Maghreb : note d'orientation",
        "Note d'orientation sur les alternatives à la rétention",
        "Procès-verbal du groupe de travail sur les envois de fonds",
        "Document de référence pour le sommet du FMMD",
        "Déclaration au nom du Processus de Rabat",
        "Rapport d'étape sur le plan national de mise en œuvre",
        "Note conceptuelle : audition sur l'intégration",
        "Rapport de la consultation avec les autorités locales",
        "Déclaration commune sur la protection des enfants migrants",
        "Synthèse de la réunion-bilan de Puerto Vallarta",
        "Note de politique sur le retour et la réintégration durable",
        "Contribution écrite au Rapporteur spécial",
    ),
    "pt": (
        "Relatório de síntese da consulta regional para a África Austral",
        "Nota conceptual: segunda sessão temática informal",
        "Intervenção da Missão Permanente do Brasil",
        "Resumo do Presidente do Fórum de Revisão da Migração Internacional",
        "Contributo da Rede das Nações Unidas para as Migrações",
        "Relatório da reunião de peritos sobre mobilidade climática",
        "Recomendações da audição da sociedade civil",
        "Resultados da revisão regional da CPLP",
        "A migração laboral em Angola e Moçambique: nota de política",
        "Orientações sobre alternativas à detenção de migrantes",
        "Ata do grupo de trabalho sobre remessas",
        "Documento de referência para a cimeira do FMMD",
        "Declaração em nome da Comunidade dos Países de Língua Portuguesa",
        "Relatório de progresso do plano nacional de implementação",
        "Nota conceitual: audiência pública sobre integração",
        "Relatório da consulta com as autarquias locais",
        "Declaração conjunta sobre a proteção de crianças migrantes",
        "Síntese da reunião de balanço de Puerto Vallarta",
        "Nota de política sobre regresso e reintegração sustentável",
        "Contribuição escrita ao Relator Especial",
    ),
}


# ----------------------------------------------------------------------------- derived units


def strip_accents(text: str) -> str:
    """ "migración" -> "migracion", "ação" -> "acao", "œuvre" -> "oeuvre"."""
    text = text.replace("œ", "oe").replace("Œ", "OE")
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


@dataclass(frozen=True)
class Sample:
    """One labelled unit on its own: a paragraph, a list item or a heading."""

    gold: tuple[str, ...]  # acceptable languages; the first is the one it was written in
    kind: str  # prose | names | figures | unaccented | stripped | list_item | heading[_caps|_stripped] | title[_caps|_stripped]
    text: str

    @property
    def language(self) -> str:
        return self.gold[0]


def paragraphs(lang: str | None = None) -> list[Sample]:
    """Every paragraph (100-600 characters), with an accent-stripped variant of each accented one."""
    out = []
    for code in LANGUAGES if lang is None else (lang,):
        for kind, pool in (("prose", PROSE), ("names", NAMES), ("figures", FIGURES), ("unaccented", UNACCENTED)):
            out += [Sample((code,), kind, t) for t in pool[code]]
        if code != "en":  # English has no accents to lose (only in a few names)
            out += [
                Sample((code,), "stripped", strip_accents(t))
                for pool in (PROSE, NAMES, FIGURES)
                for t in pool[code]
                if strip_accents(t) != t
            ]
    return out


def written_paragraphs(lang: str) -> list[str]:
    """The hand-written paragraphs of a language (no derived variant)."""
    return [*PROSE[lang], *NAMES[lang], *FIGURES[lang], *UNACCENTED[lang]]


def list_items(lang: str | None = None) -> list[Sample]:
    return [
        Sample((code,), "list_item", t) for code in (LANGUAGES if lang is None else (lang,)) for t in LIST_ITEMS[code]
    ]


def heading_gold(text: str, lang: str) -> tuple[str, ...]:
    """A heading's acceptable languages: its own, then any other language that has the same
    heading ("Introduction" is English and French, "Contexto" Spanish and Portuguese)."""
    key = strip_accents(text).casefold()
    others = tuple(
        code for code in LANGUAGES if code != lang and key in {strip_accents(h).casefold() for h in HEADINGS[code]}
    )
    return (lang, *others)


def headings(lang: str | None = None) -> list[Sample]:
    """Short headings (HEADINGS, and the TITLES of 1-6 words) as written, in capitals, and
    without accents (when that changes them)."""
    out = []
    for code in LANGUAGES if lang is None else (lang,):
        titles = [t for t in TITLES[code] if len(t.split()) <= 6]
        for kind, h in [("heading", h) for h in HEADINGS[code]] + [("title", t) for t in titles]:
            gold = heading_gold(h, code)
            out.append(Sample(gold, kind, h))
            out.append(Sample(gold, f"{kind}_caps", h.upper()))
            if strip_accents(h) != h:
                out.append(Sample(gold, f"{kind}_stripped", strip_accents(h)))
    return out


# ----------------------------------------------------------------------------- documents


@dataclass(frozen=True)
class Unit:
    """One paragraph of a labelled document; a heading starts a new section."""

    gold: tuple[str, ...]
    kind: str  # heading | text | list_item | short
    text: str


@dataclass(frozen=True)
class LabelledDocument:
    name: str
    language: str  # gold label of the whole document (its majority language)
    units: tuple[Unit, ...]


def _h(lang: str, text: str, gold: tuple[str, ...] | None = None) -> Unit:
    return Unit(gold or (lang,), "heading", text)


def _t(lang: str, text: str) -> Unit:
    return Unit((lang,), "text", text)


def _li(lang: str, text: str) -> Unit:
    return Unit((lang,), "list_item", "- " + text)


def _s(lang: str, text: str) -> Unit:
    return Unit((lang,), "short", text)


def documents(lang: str | None = None) -> list[LabelledDocument]:
    """20 documents per language, each a title, 2-4 headed sections and 4-12 body paragraphs
    (prose, names, figures, list items, short lines). Every fifth Spanish, French and
    Portuguese document has lost its accents; one in five has a section made only of short
    lines (a list of participants), which must inherit."""
    out = []
    for code in LANGUAGES if lang is None else (lang,):
        rng = random.Random(f"documents-{code}")
        pool = list(PROSE[code])
        rng.shuffle(pool)
        extra = [*NAMES[code], *FIGURES[code], *UNACCENTED[code]]
        for i, title in enumerate(TITLES[code]):
            body_target = 4 + (i * 5) % 9  # 4..12, spread over the 20 documents
            heads = rng.sample(HEADINGS[code], 4)
            units = [_h(code, title)]
            if i % 3 == 0:
                units.append(_s(code, SHORT_LINES[code][i % len(SHORT_LINES[code])]))
            n_sections = 2 + i % 3
            core = max(n_sections, body_target - (i % 3 == 0) - 3 * (i % 5 == 1))
            per_section = [core // n_sections] * n_sections
            for k in range(core % n_sections):
                per_section[k] += 1
            for k, n in enumerate(per_section):
                units.append(_h(code, heads[k]))
                for j in range(n):
                    if j == 1 and (i + k) % 4 == 1:
                        units.append(_li(code, LIST_ITEMS[code][(i + k + j) % len(LIST_ITEMS[code])]))
                    elif j == 2 and (i + k) % 5 == 2:
                        units.append(_s(code, SHORT_LINES[code][(i + k) % len(SHORT_LINES[code])]))
                    elif (i + j) % 4 == 3 and extra:
                        units.append(_t(code, extra[(i * 3 + k + j) % len(extra)]))
                    else:
                        units.append(_t(code, pool[(i * 7 + k * 3 + j) % len(pool)]))
            if i % 5 == 1:  # a section of names only: nothing to detect, it inherits
                units.append(_h(code, heads[3]))
                units += [_s(code, SHORT_LINES[code][4]), _s(code, "Louise Arbour"), _s(code, "António Vitorino")]
            doc = LabelledDocument(f"{code}-{i:02d}", code, tuple(units))
            if code != "en" and i % 5 == 4:
                doc = LabelledDocument(
                    f"{code}-{i:02d}-stripped", code, tuple(Unit(u.gold, u.kind, strip_accents(u.text)) for u in units)
                )
            out.append(doc)
    return out


def body_paragraphs(doc: LabelledDocument) -> int:
    return sum(u.kind != "heading" for u in doc.units)


MIXED_DOCUMENTS: tuple[LabelledDocument, ...] = (
    LabelledDocument(
        "mixed-en-report-es-annex",
        "en",
        (
            _h("en", "Report of the regional consultation on labour migration"),
            _h("en", "Background"),
            _t("en", PROSE["en"][2]),
            _t("en", PROSE["en"][6]),
            _h("en", "Recommendations"),
            _t("en", PROSE["en"][16]),
            _li("en", LIST_ITEMS["en"][0]),
            _li("en", LIST_ITEMS["en"][5]),
            _t("en", PROSE["en"][10]),
            _h("es", "Anexo I: Declaración de Quito"),
            _t("es", NAMES["es"][5]),
            _t("es", PROSE["es"][14]),
        ),
    ),
    LabelledDocument(
        "mixed-bilingual-en-es",
        "en",
        (
            _h("en", "Regional Consultation on Migration / Consulta Regional sobre Migración", ("en", "es")),
            _h("en", "Background / Antecedentes", ("en", "es")),
            _t("en", PROSE["en"][7]),
            _t("es", PROSE["es"][7]),
            _h("en", "Key messages / Mensajes clave", ("en", "es")),
            _t("en", PROSE["en"][8]),
            _t("es", PROSE["es"][8]),
            _t("en", PROSE["en"][23]),
            _t("es", PROSE["es"][23]),
            _t("en", PROSE["en"][30]),
        ),
    ),
    LabelledDocument(
        "mixed-fr-statement-en-summary",
        "fr",
        (
            _h("fr", "Déclaration de la délégation du Niger"),
            _s("fr", "Seul le texte prononcé fait foi"),
            _h("fr", "Contexte"),
            _t("fr", PROSE["fr"][3]),
            _t("fr", NAMES["fr"][1]),
            _t("fr", PROSE["fr"][17]),
            _h("fr", "Recommandations"),
            _t("fr", PROSE["fr"][6]),
            _t("fr", PROSE["fr"][16]),
            _h("en", "Summary in English"),
            _t("en", PROSE["en"][3]),
            _t("en", PROSE["en"][17]),
        ),
    ),
    LabelledDocument(
        "mixed-pt-report-es-annex",
        "pt",
        (
            _h("pt", "Relatório da reunião regional sobre migração laboral"),
            _h("pt", "Introdução"),
            _t("pt", PROSE["pt"][0]),
            _t("pt", PROSE["pt"][2]),
            _t("pt", PROSE["pt"][10]),
            _h("pt", "Principais conclusões"),
            _t("pt", PROSE["pt"][16]),
            _t("pt", PROSE["pt"][22]),
            _li("pt", LIST_ITEMS["pt"][1]),
            _h("es", "Anexo: Declaración de la Conferencia Suramericana", ("es",)),
            _t("es", PROSE["es"][0]),
            _t("es", NAMES["es"][2]),
        ),
    ),
    LabelledDocument(
        "mixed-es-note-pt-section",
        "es",
        (
            _h("es", "Nota conceptual: reunión subregional del Cono Sur"),
            _h("es", "Objetivos"),
            _t("es", PROSE["es"][7]),
            _t("es", PROSE["es"][1]),
            _h("es", "Formato y participación"),
            _t("es", PROSE["es"][8]),
            _t("es", PROSE["es"][21]),
            _h("pt", "Contribuição do Brasil"),
            _t("pt", PROSE["pt"][0]),
            _t("pt", NAMES["pt"][3]),
            _h("es", "Próximos pasos"),
            _t("es", PROSE["es"][11]),
        ),
    ),
    LabelledDocument(
        "mixed-en-doc-fr-annex-participants",
        "en",
        (
            _h("en", "Summary of the expert meeting on the Sahel"),
            _h("en", "Summary of the discussion"),
            _t("en", PROSE["en"][3]),
            _t("en", PROSE["en"][18]),
            _t("en", NAMES["en"][6]),
            _t("en", PROSE["en"][25]),
            _h("fr", "Annexe : Liste des participants"),
            _t("fr", PROSE["fr"][0]),
            _s("fr", "M. António Vitorino (OIM)"),
            _s("fr", "Mme Louise Arbour"),
            _s("fr", "S.E. M. Ousmane Diallo"),
        ),
    ),
    LabelledDocument(
        "mixed-bilingual-en-fr",
        "fr",
        (
            _h("en", "Concept note / Note conceptuelle", ("en", "fr")),
            _h("en", "Objectives"),
            _t("en", PROSE["en"][7]),
            _t("en", PROSE["en"][31]),
            _h("fr", "Objectifs"),
            _t("fr", PROSE["fr"][7]),
            _t("fr", PROSE["fr"][8]),
            _t("fr", PROSE["fr"][19]),
            _t("fr", PROSE["fr"][22]),
        ),
    ),
    LabelledDocument(
        "mixed-es-main-en-pt-summaries",
        "es",
        (
            _h("es", "Informe del taller sobre reintegración"),
            _s("es", "Original: español"),
            _h("es", "Resumen del debate"),
            _t("es", PROSE["es"][17]),
            _t("es", PROSE["es"][10]),
            _t("es", NAMES["es"][6]),
            _t("es", PROSE["es"][16]),
            _t("es", PROSE["es"][24]),
            _h("en", "Executive summary"),
            _t("en", PROSE["en"][17]),
            _h("pt", "Sumário executivo"),
            _t("pt", PROSE["pt"][17]),
        ),
    ),
    LabelledDocument(
        "mixed-en-body-es-quote",
        "en",
        (
            _h("en", "Statement by the civil society coalition"),
            _t("en", PROSE["en"][20]),
            _t("en", PROSE["en"][9]),
            _h("en", "Voices of migrants"),
            _t(
                "en",
                "A domestic worker from Honduras, interviewed in Madrid, described her situation in her own words, which we reproduce below.",
            ),
            _t(
                "es",
                "Trabajo seis días a la semana cuidando a una señora mayor y no tengo contrato. Si me enfermo, no cobro, y si me quejo, me dicen que hay muchas otras esperando mi puesto.",
            ),
            _t("es", "Queremos trabajar con derechos y volver a ver a nuestros hijos."),
            _t("es", "Sin papeles no somos nadie, nos dijo una de ellas."),
            _t("en", PROSE["en"][26]),
            _t("en", PROSE["en"][22]),
        ),
    ),
    LabelledDocument(
        "mixed-pt-main-fr-annex",
        "pt",
        (
            _h("pt", "Relatório da consulta com a diáspora guineense"),
            _h("pt", "Contexto"),
            _t("pt", PROSE["pt"][19]),
            _t("pt", NAMES["pt"][2]),
            _t("pt", PROSE["pt"][25]),
            _h("pt", "Recomendações"),
            _t("pt", PROSE["pt"][14]),
            _li("pt", LIST_ITEMS["pt"][6]),
            _h("pt", "Anexo / Annexe", ("pt", "fr", "es")),
            _t("fr", PROSE["fr"][19]),
            _t("fr", PROSE["fr"][13]),
        ),
    ),
)


# ----------------------------------------------------------------------------- other languages
# Consultation documents carry other languages too: a Russian or Arabic statement in a UN
# compendium, a German web page, a Dutch decree. None may come out as en/es/fr/pt: each gold is
# the language's ISO 639-1 code, with `und` accepted (the detector may not be able to tell).

OTHER_LANGUAGES = ("de", "nl", "it", "ru", "ar")

OTHER_PROSE: dict[str, tuple[str, ...]] = {
    "de": (
        "Die Delegation begrüßte die Gelegenheit, ihre Erfahrungen bei der Umsetzung des Globalen Paktes zu teilen, und betonte, dass reguläre Wege der wirksamste Schutz gegen irreguläre Migration sind.",
        "Die Teilnehmerinnen und Teilnehmer waren sich einig, dass Daten über Rücküberweisungen häufiger erhoben und nach Geschlecht und Alter aufgeschlüsselt werden sollten.",
        "Kinder dürfen niemals aus migrationsrechtlichen Gründen in Haft genommen werden. Es gibt gemeinschaftsbasierte Alternativen, die menschlicher und zugleich kostengünstiger sind.",
        "Die Kommunen sind oft die erste Anlaufstelle für neu angekommene Menschen. Mehrere Städte stellten Beratungszentren vor, die Sprachkurse, Rechtsberatung und Hilfe bei der Wohnungssuche anbieten.",
        "Geflüchtete Menschen brauchen einen schnellen Zugang zu medizinischer und psychologischer Versorgung, unabhängig davon, wie lange ihr Asylverfahren dauert.",
        "Wir fordern die Bundesregierung auf, die Familienzusammenfuehrung zu erleichtern und die Wartezeiten bei den Visastellen deutlich zu verkuerzen.",
    ),
    "nl": (
        "De delegatie verwelkomde de gelegenheid om haar ervaringen met de uitvoering van het Mondiaal Pact te delen en benadrukte dat legale migratieroutes de beste manier zijn om irreguliere migratie te verminderen.",
        "Gemeenten zijn vaak het eerste aanspreekpunt voor nieuwkomers. Verschillende steden beschreven loketten waar taallessen, juridisch advies en hulp bij het zoeken naar woonruimte en werk worden gecombineerd.",
        "Onze regering heeft een nationaal actieplan tegen mensenhandel aangenomen, dat de identificatie van slachtoffers aan de grens versterkt en hun toegang tot opvang waarborgt.",
        "Een vreemdeling die in aanmerking komt voor een vergoeding in verband met terugkeer, dient daartoe een aanvraag in bij Onze Minister, die binnen acht weken een besluit neemt.",
        "Kinderen mogen nooit in vreemdelingenbewaring worden geplaatst. Er bestaan alternatieven in de gemeenschap die menselijker en bovendien goedkoper zijn.",
    ),
    "it": (
        "La delegazione ha accolto con favore l'opportunità di condividere la propria esperienza nell'attuazione del Patto globale e ha sottolineato che i canali regolari restano il modo più efficace per ridurre la migrazione irregolare.",
        "I partecipanti hanno convenuto che i dati sulle rimesse dovrebbero essere raccolti più spesso e disaggregati per sesso ed età, affinché i decisori politici possano capire come le famiglie utilizzano questi trasferimenti.",
        "Le autorità locali sono spesso il primo punto di contatto per i nuovi arrivati. Diverse città hanno descritto sportelli unici che offrono corsi di lingua, consulenza legale e aiuto nella ricerca di casa e lavoro.",
        "Il nostro governo ha adottato un piano d'azione nazionale contro la tratta di persone, che rafforza l'identificazione delle vittime alle frontiere e garantisce loro l'accesso a un alloggio sicuro.",
        "I bambini non dovrebbero mai essere trattenuti per motivi legati alla migrazione: esistono alternative basate sulla comunità, più umane e meno costose.",
    ),
    "ru": (
        "Делегация приветствовала возможность поделиться своим опытом осуществления Глобального договора и подчеркнула, что законные пути миграции остаются наиболее эффективным способом сокращения нерегулярной миграции.",
        "Участники согласились с тем, что данные о денежных переводах следует собирать чаще и в разбивке по полу и возрасту, чтобы понять, как семьи используют эти средства.",
        "Местные органы власти часто становятся первым пунктом обращения для вновь прибывших. Несколько городов рассказали о центрах, где предлагаются языковые курсы и юридическая помощь.",
        "Дети никогда не должны содержаться под стражей по причинам, связанным с миграцией. Существуют альтернативы, основанные на местных сообществах, которые гуманнее и дешевле.",
        "Российская Федерация готова и впредь участвовать в работе группы и делиться своим опытом в области трудовой миграции со всеми заинтересованными государствами.",
    ),
    "ar": (
        "رحب الوفد بالفرصة لتبادل تجربته في تنفيذ الاتفاق العالمي، وأكد أن المسارات النظامية للهجرة تظل الطريقة الأكثر فعالية للحد من الهجرة غير النظامية.",
        "اتفق المشاركون على ضرورة جمع البيانات المتعلقة بالتحويلات المالية بصورة أكثر انتظاما وتصنيفها حسب الجنس والعمر، حتى يتمكن صانعو السياسات من فهم احتياجات الأسر.",
        "لا ينبغي أبدا احتجاز الأطفال لأسباب تتعلق بالهجرة، فهناك بدائل مجتمعية أكثر إنسانية وأقل تكلفة، وقد أثبتت نجاحها في عدد من البلدان.",
        "تعد السلطات المحلية في كثير من الأحيان أول جهة يتواصل معها الوافدون الجدد، وقد عرضت عدة مدن مراكز تقدم دروس اللغة والمشورة القانونية والمساعدة في إيجاد السكن والعمل.",
        "تؤكد المجموعة العربية التزامها بدعم التعاون الدولي في مجال الهجرة، وتدعو إلى احترام حقوق المهاجرين وكرامتهم في جميع مراحل الهجرة.",
    ),
    # one paragraph each of languages close to the four or to a profile langdetect confuses
    "pl": (
        "Delegacja z zadowoleniem przyjęła możliwość podzielenia się doświadczeniami we wdrażaniu Globalnego porozumienia i podkreśliła, że legalne ścieżki migracji są najskuteczniejszym sposobem ograniczania nielegalnej migracji.",
    ),
    "sv": (
        "Delegationen välkomnade möjligheten att dela med sig av sina erfarenheter av genomförandet av den globala migrationspakten och betonade att lagliga vägar är det mest effektiva sättet att minska irreguljär migration.",
    ),
    "ro": (
        "Delegația a salutat oportunitatea de a-și împărtăși experiența în punerea în aplicare a Pactului global și a subliniat că migrația regulată rămâne cea mai eficientă cale de a reduce deplasările neregulamentare.",
    ),
    "ca": (
        "La delegació va destacar que les vies regulars de migració continuen sent la manera més eficaç de reduir els moviments irregulars, i va demanar més cooperació entre els governs de la regió.",
    ),
    "tr": (
        "Heyet, Küresel Mutabakatın uygulanmasındaki deneyimlerini paylaşma fırsatını memnuniyetle karşıladı ve düzenli göç yollarının düzensiz göçü azaltmanın en etkili yolu olduğunu vurguladı.",
    ),
    "el": (
        "Η αντιπροσωπεία χαιρέτισε την ευκαιρία να μοιραστεί την εμπειρία της από την εφαρμογή του Παγκόσμιου Συμφώνου και τόνισε ότι οι νόμιμες οδοί μετανάστευσης παραμένουν ο πιο αποτελεσματικός τρόπος.",
    ),
}

# Headings and lines of 40-70 letters (the zone where langdetect is least sure).
OTHER_LINES: dict[str, tuple[str, ...]] = {
    "de": (
        "Zugang zur Gesundheitsversorgung für Geflüchtete sichern",
        "Stellungnahme zum Entwurf eines Gesetzes zur Migration",
        "Verordnung über die Beschäftigung von Ausländern",
        "Das Gesetz ist am ersten Januar in Kraft getreten",
    ),
    "nl": (
        "Wijziging van de Vreemdelingenwet en de Participatiewet",
        "De minister is verantwoordelijk voor de uitvoering",
        "Besluit van de Staatssecretaris van Justitie en Veiligheid",
        "Over de terugkeer van migranten naar hun land van herkomst",
    ),
    "it": (
        "Dichiarazione della delegazione italiana sulla migrazione",
        "Nota concettuale sulla riunione regionale di consultazione",
        "I lavoratori migranti e le loro famiglie in Europa",
    ),
    "ru": (
        "Заявление делегации Российской Федерации по итогам сессии",
        "Доклад рабочей группы открытого состава о ходе работы",
    ),
    "ar": (
        "بيان المجموعة العربية بشأن مشروع التقرير النهائي للفريق العامل",
        "مذكرة مفاهيمية عن المشاورات الإقليمية بشأن الهجرة",
    ),
}

# Paragraphs of the four languages full of names given in another language: the words around
# the names are the paragraph's own, and so is its label.
NAMES_IN_PROSE: tuple[tuple[str, str], ...] = (
    (
        "en",
        "The delegation met representatives of the Organización Internacional para las Migraciones, the Comisión Económica para América Latina y el Caribe and the Alto Comisionado de las Naciones Unidas para los Refugiados in Bogotá to discuss the regional response.",
    ),
    (
        "en",
        "Funding came from the Deutsche Gesellschaft für Internationale Zusammenarbeit, the Bundesamt für Migration und Flüchtlinge and the Stichting Vluchtelingenwerk Nederland, which together supported the reception centres.",
    ),
    (
        "pt",
        "A reunião contou com a participação da Organización Internacional para las Migraciones, do Alto Comisionado de las Naciones Unidas para los Refugiados e da Comisión Nacional de Migración del Perú, que apresentaram os dados mais recentes.",
    ),
    (
        "es",
        "La Red de las Naciones Unidas sobre la Migración trabajó con la Bundesagentur für Arbeit, el Ministero dell'Interno y el Ministry of Labour and Employment para mejorar el reconocimiento de las cualificaciones.",
    ),
    (
        "fr",
        "Le projet est financé par la Deutsche Gesellschaft für Internationale Zusammenarbeit et mis en œuvre avec l'Organización Internacional para las Migraciones et le Ministero del Lavoro à Rome.",
    ),
    # almost nothing but names: the label may follow them, but not with confidence
    (
        "es",
        "Participaron la International Organization for Migration, el Office of the High Commissioner for Human Rights y el Danish Refugee Council, junto con autoridades de Guatemala y Honduras.",
    ),
)

# Lists of names and organisations, in the language they were given in (not evidence of the
# language of the document around them).
NAMES_LISTS: dict[str, str] = {
    "es_organisations": "Organización Internacional para las Migraciones (OIM), Alto Comisionado de las Naciones Unidas para los Refugiados (ACNUR), Comisión Económica para América Latina y el Caribe (CEPAL), Fondo de las Naciones Unidas para la Infancia (UNICEF)",
    "de_organisations": "Deutsches Rotes Kreuz, Caritas Deutschland, Diakonie Deutschland, Arbeiterwohlfahrt Bundesverband, Paritätischer Gesamtverband, Jesuiten-Flüchtlingsdienst",
    "es_people": "Sra. María Fernanda Gómez Restrepo, Sr. Juan Carlos Pérez Villalobos, Sra. Ana Lucía Rodríguez Herrera, Sr. Luis Alberto Castillo Núñez",
    "en_organisations": "International Organization for Migration (IOM), Office of the United Nations High Commissioner for Refugees (UNHCR), United Nations Children's Fund (UNICEF), World Food Programme (WFP)",
}


def other_paragraphs(lang: str | None = None) -> list[Sample]:
    """Paragraphs in languages other than the four; gold: their code, or `und`."""
    return [
        Sample((code, "und"), "other", t) for code, pool in OTHER_PROSE.items() if lang in (None, code) for t in pool
    ]


def other_lines(lang: str | None = None) -> list[Sample]:
    return [
        Sample((code, "und"), "other_line", t)
        for code, pool in OTHER_LINES.items()
        if lang in (None, code)
        for t in pool
    ]


def _o(lang: str, text: str) -> Unit:
    return Unit((lang, "und"), "text", text)


def _names(doc_lang: str, key: str) -> Unit:
    """A list of names inside a document: its document's language, or `und`."""
    return Unit((doc_lang, "und"), "text", NAMES_LISTS[key])


OTHER_DOCUMENTS: tuple[LabelledDocument, ...] = (
    LabelledDocument(
        "other-de-statement",
        "de",
        (
            Unit(("de", "und"), "heading", "Stellungnahme zur Gesundheitsversorgung von Geflüchteten"),
            Unit(("de", "und"), "short", "Berlin, 12. März 2024"),
            Unit(("de", "und"), "heading", "Hintergrund"),
            _o("de", OTHER_PROSE["de"][0]),
            _o("de", OTHER_PROSE["de"][2]),
            Unit(("de", "und"), "heading", "Unsere Forderungen"),
            Unit(("de", "und"), "list_item", "- " + OTHER_LINES["de"][0]),
            _o("de", OTHER_PROSE["de"][4]),
            _o("de", OTHER_PROSE["de"][5]),
            Unit(("de", "und"), "heading", "Mitzeichnende Organisationen"),
            _names("de", "de_organisations"),
        ),
    ),
    LabelledDocument(
        "other-nl-decree",
        "nl",
        (
            Unit(("nl", "und"), "heading", OTHER_LINES["nl"][2]),
            Unit(("nl", "und"), "heading", "Artikel 1"),
            _o("nl", OTHER_PROSE["nl"][3]),
            _o("nl", OTHER_PROSE["nl"][4]),
            Unit(("nl", "und"), "heading", "Artikel 2"),
            _o("nl", OTHER_PROSE["nl"][0]),
            Unit(("nl", "und"), "list_item", "- " + OTHER_LINES["nl"][0]),
            _o("nl", OTHER_PROSE["nl"][2]),
        ),
    ),
    LabelledDocument(
        "other-it-note",
        "it",
        (
            Unit(("it", "und"), "heading", OTHER_LINES["it"][1]),
            Unit(("it", "und"), "heading", "Contesto"),
            _o("it", OTHER_PROSE["it"][0]),
            _o("it", OTHER_PROSE["it"][1]),
            Unit(("it", "und"), "heading", "Raccomandazioni"),
            _o("it", OTHER_PROSE["it"][3]),
            _o("it", OTHER_PROSE["it"][4]),
        ),
    ),
    LabelledDocument(
        "other-en-compendium-ru-ar",
        "en",
        (
            _h("en", "Compendium of statements by delegations on the final report"),
            _h("en", "Introduction"),
            _t("en", PROSE["en"][5]),
            _t("en", PROSE["en"][28]),
            _h("en", "Russian Federation", ("en", "ru")),
            _o("ru", OTHER_PROSE["ru"][0]),
            _o("ru", OTHER_PROSE["ru"][1]),
            _o("ru", OTHER_PROSE["ru"][4]),
            _h("en", "Arab Group", ("en", "ar")),
            _o("ar", OTHER_PROSE["ar"][0]),
            _o("ar", OTHER_PROSE["ar"][4]),
            _h("en", "Closing remarks"),
            _t("en", PROSE["en"][11]),
            _t("en", PROSE["en"][21]),
        ),
    ),
    LabelledDocument(
        "other-en-report-with-names",
        "en",
        (
            _h("en", "Report of the regional consultation on labour migration"),
            _h("en", "Summary"),
            _t("en", PROSE["en"][27]),
            _t("en", NAMES_IN_PROSE[0][1]),
            _t("en", NAMES_IN_PROSE[1][1]),
            _h("en", "Participating organizations"),
            _names("en", "es_organisations"),
            _names("en", "de_organisations"),
            _names("en", "es_people"),
        ),
    ),
    LabelledDocument(
        "other-es-note-with-names",
        "es",
        (
            _h("es", "Nota conceptual de la consulta subregional"),
            _h("es", "Antecedentes"),
            _t("es", PROSE["es"][7]),
            _t("es", NAMES_IN_PROSE[3][1]),
            Unit(("es", "und"), "text", NAMES_IN_PROSE[5][1]),
            _h("es", "Organizaciones participantes"),
            _names("es", "en_organisations"),
            _names("es", "de_organisations"),
            _t("es", PROSE["es"][11]),
        ),
    ),
    LabelledDocument(
        "other-pt-fr-with-names",
        "pt",
        (
            _h("pt", "Relatório da reunião com as organizações da sociedade civil"),
            _h("pt", "Introdução"),
            _t("pt", PROSE["pt"][3]),
            _t("pt", NAMES_IN_PROSE[2][1]),
            _t("pt", PROSE["pt"][9]),
            _h("fr", "Annexe : contribution de la délégation française"),
            _t("fr", NAMES_IN_PROSE[4][1]),
            _t("fr", PROSE["fr"][12]),
        ),
    ),
)
