"""Families: the same document in other languages and formats, linked by its own symbol or by the
numbers and names a translation keeps; never a draft to its resolution, never on a year and a name."""

from __future__ import annotations

from tasks.domain.families import FamilyKey, Fingerprint, anchors, fingerprint, link_families, page_address

FR = """Déclaration commune sur la Journée mondiale des réfugiés

1. Le 20 juin 2017, le Conseil réuni à Genève a rappelé que 65,6 millions de personnes étaient
déplacées. Selon le rapport, 22,5 millions d'entre elles sont des réfugiés accueillis par la Turquie,
le Pakistan et le Liban.

2. Mme Maria Kowalczyk, au nom du réseau, a cité la résolution 71/1 du 19 septembre 2016 et demandé
que 10 000 places de réinstallation soient ouvertes avant 2018 à Tijuana et à Lampedusa.

3. Le père Mussie Zerai a rappelé les 5 079 morts en Méditerranée en 2016."""

ES = """Declaración conjunta sobre el Día Mundial del Refugiado

1. El 20 de junio de 2017, el Consejo reunido en Ginebra recordó que 65,6 millones de personas
estaban desplazadas. Según el informe, 22,5 millones de ellas son refugiados acogidos por Turquía,
Pakistán y Líbano.

2. La Sra. Maria Kowalczyk, en nombre de la red, citó la resolución 71/1 del 19 de septiembre de 2016 y
pidió que se abrieran 10.000 plazas de reasentamiento antes de 2018 en Tijuana y en Lampedusa.

3. El padre Mussie Zerai recordó los 5.079 muertos en el Mediterráneo en 2016."""

OTHER_ES = """Comunicado de prensa

El 20 de junio de 2017 la red presentó en Ginebra su informe anual sobre 14 países de América Central.
Participaron 35 organizaciones de Honduras, Guatemala y El Salvador, y se aprobaron 7 recomendaciones
sobre el acceso al asilo y 3 sobre la detención de niños en 2018 en la frontera con México."""

RESOLUTION_BODY = """The Human Rights Council,
Recalling General Assembly resolution 71/1 of 19 September 2016 and resolution 73/195 of
19 December 2018, and Human Rights Council resolution 35/17 of 22 June 2017,
1. Welcomes the report of the Special Rapporteur on the human rights of migrants;
2. Requests the Office of the High Commissioner to present a report at its sixty-second session;
3. Decides to continue its consideration of the question at its sixty-second session, under agenda item 3.
4. Calls upon States to ensure that 30 days are given to each of the 12 categories listed in annex I."""


def key(doc_id, language, source_format, text, doc_symbol=None, raw=None, family_id=None):
    printed = fingerprint(raw if raw is not None else text, text, doc_symbol).to_text()
    return FamilyKey(doc_id, language, source_format, doc_symbol, printed, family_id)


def families(keys):
    members = {m.doc_id: m for m in link_families(keys)}
    assert set(members) == {k.doc_id for k in keys}  # every document has a family, singletons too
    return members


def test_a_french_and_a_spanish_statement_with_the_same_numbers_and_names_are_one_family():
    found = families([key("fr1", "fr", "pdf", FR), key("es1", "es", "html", ES), key("es2", "es", "md", OTHER_ES)])
    assert found["fr1"].family_id == found["es1"].family_id != found["es2"].family_id
    assert found["fr1"].method == found["es1"].method == "fingerprint"
    assert found["es1"].linked_to == "fr1" and found["es1"].score >= 0.6
    assert found["es1"].evidence.startswith("numbers: 19 of 19/19") and "2017" in found["es1"].evidence
    assert (found["es2"].method, found["es2"].linked_to, found["es2"].family_id) == ("alone", None, "es2")


def test_a_story_without_a_number_links_on_its_names_in_order():
    es = (
        "La huida desde Eritrea hacia Italia. Es la historia del Padre Mussie Zerai, a quien llaman Padre Moisés. "
        "Cuando suena el teléfono del Padre Moisés, llama a la Guardia Costera de Lampedusa y a Roma."
    )
    pt = (
        "A fuga da Eritreia para a Itália. É a história do Padre Mussie Zerai, a quem chamam Padre Moisés. "
        "Quando toca o telefone do Padre Moisés, avisa a Guarda Costeira de Lampedusa e Roma."
    )
    found = families([key("es", "es", "md", es), key("pt", "pt", "md", pt)])
    assert found["es"].family_id == found["pt"].family_id and found["pt"].evidence.startswith("anchors:")


def test_a_draft_and_its_resolution_never_link_however_alike_their_texts():
    """The draft and the adopted resolution differ by a few lines; their own symbols differ."""
    draft = "Human Rights Council\nFifty-ninth session\nDraft resolution\n" + RESOLUTION_BODY
    adopted = "Human Rights Council\nFifty-ninth session\nResolution adopted by the Council\n" + RESOLUTION_BODY
    keys = [
        key("draft", "en", "pdf", draft, doc_symbol="A/HRC/59/L.17"),
        key("final", "en", "docx", adopted, doc_symbol="A/HRC/RES/59/25"),
    ]
    found = families(keys)
    assert found["draft"].family_id != found["final"].family_id
    # Read off the page head when the masthead step found no own symbol.
    raw_draft, raw_final = "A/HRC/59/L.17\n" + draft, "A/HRC/RES/59/25\n" + adopted
    keys = [key("draft", "en", "pdf", draft, raw=raw_draft), key("final", "es", "pdf", adopted, raw=raw_final)]
    found = families(keys)
    assert found["draft"].family_id != found["final"].family_id


def test_the_same_own_symbol_is_one_family_in_every_language_and_a_third_document_cannot_bridge_two():
    keys = [
        key("en", "en", "pdf", RESOLUTION_BODY, doc_symbol="A/HRC/RES/59/25"),
        key("fr", "fr", "pdf", "Le Conseil des droits de l'homme, rappelant", doc_symbol="A/HRC/RES/59/25"),
        key("draft", "en", "pdf", RESOLUTION_BODY, doc_symbol="A/HRC/59/L.17"),
        key("copy", "es", "html", RESOLUTION_BODY),  # no symbol: it may join one of them, not both
    ]
    found = families(keys)
    assert found["en"].family_id == found["fr"].family_id != found["draft"].family_id
    assert (found["en"].method, found["fr"].method, found["draft"].method) == ("symbol", "symbol", "alone")
    assert found["copy"].family_id in {found["en"].family_id, found["draft"].family_id}


def test_short_texts_do_not_link_on_a_year_and_a_name():
    a = "Comunicado. En 2017 el Papa Francisco visitó Ginebra."
    b = "Communiqué. En 2017 le pape François a rencontré à Genève le Papa Francisco."
    found = families([key("a", "es", "md", a), key("b", "fr", "md", b)])
    assert found["a"].family_id != found["b"].family_id
    assert found["a"].method == found["b"].method == "alone"


def test_two_documents_in_one_language_and_format_are_versions_not_a_family():
    found = families([key("v1", "es", "pdf", ES), key("v2", "es", "pdf", ES + "\n4. Se cierra la sesión.")])
    assert found["v1"].family_id != found["v2"].family_id


def test_a_translation_arriving_later_joins_the_family_without_renaming_it():
    first = families([key("zz-original", "fr", "pdf", FR), key("es2", "es", "md", OTHER_ES)])
    assert first["zz-original"].family_id == "zz-original"
    later = families(
        [
            key("zz-original", "fr", "pdf", FR, family_id="zz-original"),
            key("es2", "es", "md", OTHER_ES, family_id="es2"),
            key("aa-translation", "es", "html", ES),  # a smaller doc_id: the family keeps its name
        ]
    )
    assert later["aa-translation"].family_id == later["zz-original"].family_id == "zz-original"
    assert later["es2"].family_id == "es2"


def test_anchors_keep_numbers_and_names_and_skip_the_first_word_of_a_sentence():
    assert anchors("Il y a 10 000 réfugiés. Ils vivent à Tijuana.") == ["10", "0", "tiju"]
    assert anchors("Hay 10.000 refugiados. Viven en Tijuana.") == ["10", "0", "tiju"]
    assert anchors("El Espíritu Santo y el Saint-Esprit") == ["espi", "sant", "sain", "espr"]
    assert anchors("«Dios» - Item one") == []


def test_a_fingerprint_reads_back_from_its_text():
    printed = fingerprint("A/HRC/59/L.17\nHuman Rights Council", RESOLUTION_BODY)
    assert printed.head_symbol == "A/HRC/59/L.17" and "71" in printed.anchors
    assert Fingerprint.from_text(printed.to_text()) == printed
    assert Fingerprint.from_text(None) == Fingerprint(None, ())


# --- the page's own address ------------------------------------------------------------------


def test_a_page_address_leaves_out_the_language_and_the_translated_slug():
    assert page_address("https://www.example.org/es/blog/2017/06/20/declaracion-conjunta/") == (
        "example.org/blog/2017/06/20"
    )
    assert page_address("https://example.org/fr/blog/2017/06/20/declaration-commune/") == "example.org/blog/2017/06/20"
    assert page_address("https://example.org/news/item.php?id=4411&lang=pt") == "example.org/news/item.php/id=4411"
    assert page_address("https://example.org/pt-br/noticia/4411/uma-vida") == "example.org/noticia/4411"


def test_not_a_page_address_without_a_language_or_without_one_item():
    assert page_address("https://example.org/blog/2017/06/20/declaracion/") is None  # no language in it
    assert page_address("https://example.org/es/noticias/declaracion-conjunta") is None  # a section, not an item
    assert page_address("https://example.org/un/2017/report") is None  # `un` names no language
    assert page_address(None) is None


def address_key(doc_id, language, url, text="Un texto corto."):
    printed = fingerprint(text, text, None, url).to_text()
    return FamilyKey(doc_id, language, "md", None, printed)


def test_posts_at_one_address_in_two_languages_are_one_family():
    found = families(
        [
            address_key("es", "es", "https://example.org/es/blog/2017/06/20/declaracion/"),
            address_key("fr", "fr", "https://example.org/fr/blog/2017/06/20/declaration/"),
            address_key("pt", "pt", "https://example.org/pt/blog/2017/06/21/declaracao/"),  # another day
        ]
    )
    assert found["es"].family_id == found["fr"].family_id != found["pt"].family_id
    assert found["fr"].method == "address" and found["fr"].evidence == "address: example.org/blog/2017/06/20 in es, fr"
    assert found["pt"].method == "alone"


def test_not_one_family_when_two_posts_of_one_language_share_the_address():
    found = families(
        [
            address_key("es1", "es", "https://example.org/es/blog/2017/06/20/primera/"),
            address_key("es2", "es", "https://example.org/es/blog/2017/06/20/segunda/"),
            address_key("fr", "fr", "https://example.org/fr/blog/2017/06/20/premiere/"),
        ]
    )
    assert len({m.family_id for m in found.values()}) == 3


def test_candidate_pairs_are_exactly_the_documents_sharing_a_run_no_template_shares():
    """The compact index (one integer per run) finds what a plain index of runs finds."""
    import random
    from collections import defaultdict

    from tasks.domain.families import COMMON_SHINGLE, SHINGLE, Fingerprint, _candidates

    rng = random.Random(7)
    template = tuple(str(n) for n in range(SHINGLE))  # a masthead's numbers: in every document
    shared = tuple(rng.choice(["12", "2030", "Geneva", "Lima"]) for _ in range(40))
    prints = []
    for i in range(COMMON_SHINGLE + 20):
        own = tuple(str(rng.randint(100, 99_999)) for _ in range(30))
        prints.append(Fingerprint(None, template + own + (shared if i % 9 == 0 else ())))
    runs = defaultdict(set)
    for i, p in enumerate(prints):
        for j in range(len(p.anchors) - SHINGLE + 1):
            runs[p.anchors[j : j + SHINGLE]].add(i)
    expected = {
        (x, y) for docs in runs.values() if 1 < len(docs) <= COMMON_SHINGLE for x in docs for y in docs if x < y
    }
    assert expected and _candidates(prints) == expected
    assert (0, 1) not in expected  # the template run alone links nobody
