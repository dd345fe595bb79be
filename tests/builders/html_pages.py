"""Web pages written by hand as a statement site serves them: a menu, the article, a
"Similar documents" list and a footer, in English, Spanish (cp1252) and French; a page with a
data table and an old page laid out with a table."""

from __future__ import annotations

ENGLISH_PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Statement on the Global Compact for Migration | IOM</title>
<meta name="author" content="Amina Diallo">
<meta name="dcterms.date" content="2018-07-13">
<style>body { font-family: sans-serif; }</style>
<script>var tracking = "do not index me";</script>
</head>
<body>
<header class="site-header">
  <a href="/" class="logo">International Organization for Migration</a>
  <nav class="main-menu">
    <ul>
      <li><a href="/">Home</a></li>
      <li><a href="/about">About us</a></li>
      <li><a href="/news">News and stories</a></li>
      <li><a href="/contact">Contact</a></li>
    </ul>
  </nav>
</header>
<main>
<article>
  <h1>Statement on the Global Compact for Migration</h1>
  <p>Geneva, 13 July 2018. Delegations have today agreed on the final text of the Global Compact
  for Safe, Orderly and Regular Migration, the first intergovernmental agreement covering all
  dimensions of international migration.</p>
  <!-- editor: check the date with the press office -->
  <h2>Background</h2>
  <p>The negotiations began in February and were co-facilitated by the Permanent Representatives
  of Mexico and Switzerland. Civil society organizations, migrant associations and local
  authorities took part in every round of the consultations.</p>
  <p>The compact sets out twenty-three objectives for better managing migration at the local,
  national, regional and global levels. It is not legally binding, and it respects the sovereign
  right of States to determine their national migration policy.</p>
  <h2>Priorities for implementation</h2>
  <ul>
    <li>Collect and use accurate and disaggregated data as a basis for evidence-based policies.</li>
    <li>Minimize the adverse drivers and structural factors that compel people to leave their
    country of origin.</li>
    <li>Use migration detention only as a measure of last resort and work towards alternatives.</li>
  </ul>
  <p>The compact will be formally adopted at an intergovernmental conference in Marrakech,
  Morocco, in December, and its implementation will be reviewed every four years by the
  International Migration Review Forum.</p>
</article>
<aside class="related">
  <h3>Similar documents</h3>
  <ul>
    <li><a href="/d/1">Opening Remarks. Mr. Filippo Grandi, United Nations High Commissioner for Refugees</a></li>
    <li><a href="/d/2">The Americas. UNHCR Global Appeal 2017 Update</a></li>
    <li><a href="/d/3">RESOLUTION 2/18 FORCED MIGRATION OF VENEZUELANS</a></li>
  </ul>
</aside>
</main>
<footer id="footer">
  <p>&copy; 2018 International Organization for Migration. All rights reserved.</p>
  <p><a href="/privacy">Privacy policy</a> &middot; <a href="/terms">Terms of use</a></p>
</footer>
</body>
</html>
"""

ENGLISH_ARTICLE = (
    "# Statement on the Global Compact for Migration\n\n"
    "Geneva, 13 July 2018. Delegations have today agreed on the final text of the Global Compact "
    "for Safe, Orderly and Regular Migration, the first intergovernmental agreement covering all "
    "dimensions of international migration.\n\n"
    "## Background\n\n"
    "The negotiations began in February and were co-facilitated by the Permanent Representatives "
    "of Mexico and Switzerland. Civil society organizations, migrant associations and local "
    "authorities took part in every round of the consultations.\n\n"
    "The compact sets out twenty-three objectives for better managing migration at the local, "
    "national, regional and global levels. It is not legally binding, and it respects the sovereign "
    "right of States to determine their national migration policy.\n\n"
    "## Priorities for implementation\n\n"
    "- Collect and use accurate and disaggregated data as a basis for evidence-based policies.\n"
    "- Minimize the adverse drivers and structural factors that compel people to leave their "
    "country of origin.\n"
    "- Use migration detention only as a measure of last resort and work towards alternatives.\n\n"
    "The compact will be formally adopted at an intergovernmental conference in Marrakech, "
    "Morocco, in December, and its implementation will be reviewed every four years by the "
    "International Migration Review Forum.\n\n"
)

# Saved by an old Windows tool: declared and encoded windows-1252.
SPANISH_PAGE = """<html lang="es-ES">
<head>
<meta charset="windows-1252">
<title>Declaración de la sociedad civil sobre el Pacto Mundial - OIM</title>
<meta name="author" content="Red Regional de Organizaciones Civiles para las Migraciones">
<meta property="article:published_time" content="2018-06-05T09:30:00+02:00">
</head>
<body>
<div id="top-menu" role="navigation">
  <a href="/">Inicio</a> | <a href="/quienes">Quiénes somos</a> | <a href="/noticias">Noticias</a>
</div>
<div class="contenido">
  <h1>Declaración de la sociedad civil sobre el Pacto Mundial</h1>
  <p>Las organizaciones firmantes agradecemos la oportunidad de este diálogo abierto con la
  sociedad civil, que consideramos una ocasión para una conversación sincera sobre la protección
  de los derechos humanos de las personas migrantes.</p>
  <h2>Preocupaciones principales</h2>
  <p>Aunque la perspectiva de derechos aparece de manera transversal en el documento, sus
  inconsistencias ponen en duda la capacidad real de esta perspectiva para prevalecer en la
  implementación del Pacto. Un niño migrante no acompañado debe recibir siempre protección.</p>
  <ul>
    <li>La detención de niñas y niños migrantes debe prohibirse sin excepción.</li>
    <li>La participación de las organizaciones de migrantes debe garantizarse en el seguimiento.</li>
  </ul>
  <p>Esperamos que estas ausencias puedan corregirse en la versión final del Pacto y en la
  conferencia de Marrakech, donde la sociedad civil debe tener un espacio de diálogo real.</p>
</div>
<aside>
  <h4>Documentos similares</h4>
  <ul>
    <li><a href="/d/7">Informe regional sobre flujos migratorios irregulares en las Américas</a></li>
    <li><a href="/d/8">Resolución 2/18 sobre la migración forzada de personas venezolanas</a></li>
  </ul>
</aside>
<div class="footer">© 2018 Organización Internacional para las Migraciones</div>
</body>
</html>
"""

FRENCH_PAGE = """<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" lang="fr" xml:lang="fr">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>Contribution de la France au Pacte mondial</title>
<meta name="citation_publication_date" content="2017/12/04" />
</head>
<body>
<nav aria-label="Fil d'Ariane"><a href="/">Accueil</a> › <a href="/pactes">Pactes mondiaux</a></nav>
<div id="content">
  <h1>Contribution de la France au Pacte mondial</h1>
  <p>La France soutient l'élaboration d'un pacte mondial pour des migrations sûres, ordonnées et
  régulières, fondé sur la coopération entre les pays d'origine, de transit et de destination.</p>
  <p>Elle rappelle que la lutte contre les réseaux de passeurs et la traite des êtres humains
  doit rester une priorité commune, dans le plein respect des droits des personnes migrantes.</p>
  <p>Enfin, la France souhaite que le suivi du pacte s'appuie sur les mécanismes existants des
  Nations Unies, afin d'éviter la création de nouvelles structures coûteuses.</p>
</div>
<aside>
  <p>Documents similaires</p>
  <ul>
    <li><a href="/d/3">Déclaration de New York pour les réfugiés et les migrants</a></li>
    <li><a href="/d/4">Rapport du Secrétaire général sur les migrations</a></li>
  </ul>
</aside>
<footer><p>Ministère de l'Europe et des Affaires étrangères – mentions légales</p></footer>
</body>
</html>
"""

TABLE_PAGE = """<html lang="en"><head><meta charset="utf-8"><title>Arrivals by sea</title></head>
<body>
<article>
<h1>Arrivals by sea</h1>
<p>Arrivals to Europe by sea fell sharply in the first half of the year, according to the figures
collected by national authorities and published in the monthly update of the regional bureau.</p>
<table>
  <caption>Arrivals by country, January to June</caption>
  <thead><tr><th>Country</th><th>Arrivals</th></tr></thead>
  <tbody>
    <tr><td>Spain</td><td>12,500</td></tr>
    <tr><td>Italy</td><td>16,000</td></tr>
    <tr><td>Greece</td><td></td></tr>
  </tbody>
</table>
<p>The decrease is mostly explained by fewer departures from Libya, while the route through the
western Mediterranean saw more crossings than in any earlier year since the records began.</p>
</article>
</body></html>
"""

# A page laid out with a table, as old sites were: the table holds the body, it is no data.
LAYOUT_PAGE = """<html><head><title>Comunicado</title></head><body>
<table width="100%"><tr>
<td class="menu"><a href="/">Inicio</a><br><a href="/docs">Documentos</a></td>
<td>
<h1>Comunicado de prensa</h1>
<p>La Comisión Interamericana expresa su preocupación por la situación de las personas migrantes
en tránsito y llama a los Estados a garantizar su protección internacional sin discriminación.</p>
<ul><li>Garantizar el acceso al asilo.</li><li>Evitar la detención migratoria.</li></ul>
<p>La Comisión recuerda que los Estados tienen la obligación de proteger la vida y la integridad
de todas las personas bajo su jurisdicción, con independencia de su situación migratoria.</p>
</td></tr></table>
</body></html>
"""
