//! Names of every culture through the shipped models (issue 10): spans that
//! depend on what the gazetteer knows, so they are checked with the real one.

use std::path::PathBuf;
use std::sync::OnceLock;

use newskg_input::Document;
use newskg_nlp::{Analyzer, EntityLabel};

/// The shipped models, loaded once for all tests of this file.
fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(|| {
        let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../models"));
        Analyzer::load(&dir).unwrap_or_else(|e| panic!("{e}"))
    })
}

/// The entities of `text`: their words and types.
fn entities(text: &str) -> Vec<(String, EntityLabel)> {
    let doc = analyzer().analyze(Document::from_text("names.txt", text));
    doc.entities
        .iter()
        .map(|e| (text[e.span.start..e.span.end].to_string(), e.label))
        .collect()
}

/// A hyphenated given name that the model leaves out stays with the
/// surname after it, wherever it stands: the recognizer reads it as one
/// word, and a word with a hyphen may open a name too.
#[test]
fn double_given_names_stay_whole() {
    for text in [
        "Mary-Kate Lind told the trust that funding would end.",
        "The board heard Mary-Kate Lind on Tuesday.",
    ] {
        let found = entities(text);
        assert!(
            found.contains(&("Mary-Kate Lind".to_string(), EntityLabel::Person)),
            "{text}: {found:?}"
        );
    }
}

/// Two countries joined by a hyphen never open a name, although both are
/// given names too (a guard on the rule above: such a compound is two words).
#[test]
fn two_countries_are_no_given_name() {
    let found = entities("Troops patrolled the Israel-Jordan border on Monday.");
    assert!(
        !found
            .iter()
            .any(|(words, _)| words.contains("Israel-Jordan")),
        "{found:?}"
    );
}

/// A given name that is also a country's, right before a surname, is the
/// person's given name ("Jordan Lind", "Israel K. Brandt"); a headline's
/// capitals ("FRANCE LAUNCH") and a country before a comma stay places.
#[test]
fn a_country_that_is_a_given_name_opens_a_name() {
    for (text, name) in [
        (
            "The board elected Jordan Lind as a director.",
            "Jordan Lind",
        ),
        (
            "Kessel Corp said Israel K. Brandt resigned from the firm.",
            "Israel K. Brandt",
        ),
    ] {
        let found = entities(text);
        assert!(
            found.contains(&(name.to_string(), EntityLabel::Person)),
            "{text}: {found:?}"
        );
    }
    let found = entities("After talks in Jordan, Lind flew home.");
    assert!(
        found.contains(&("Jordan".to_string(), EntityLabel::Place)),
        "{found:?}"
    );
}

/// A preposition opening the sentence, and the date after it, are no part
/// of the name that follows ("For Vantor Associates", "On Friday Kessel
/// Mining Corp").
#[test]
fn an_opening_preposition_is_no_part_of_a_name() {
    for (text, name) in [
        (
            "For Vantor Associates, the merger would cut costs.",
            "Vantor Associates",
        ),
        (
            "On Friday Kessel Mining Corp said it would close a plant.",
            "Kessel Mining Corp",
        ),
    ] {
        let found = entities(text);
        assert!(
            found.contains(&(name.to_string(), EntityLabel::Organization)),
            "{text}: {found:?}"
        );
    }
}

/// An institution's head with its "of" inside a capitalised run makes the
/// run one organisation ("Kessel and Lind Museum of Art"); a date after "on"
/// is no part of it, a person "of" a body stays a person, and a
/// sentence's opening words stay out.
#[test]
fn an_institution_named_with_of_is_one_organisation() {
    let found =
        entities("The painter gave a picture to the Kessel and Lind Museum of Art on Monday.");
    assert!(
        found.contains(&(
            "Kessel and Lind Museum of Art".to_string(),
            EntityLabel::Organization
        )),
        "{found:?}"
    );
    let found = entities("Ana Ruiz of Kessel Bank of Oslo said rates would rise.");
    assert!(
        !found.iter().any(|(w, _)| w.starts_with("Ana Ruiz of")),
        "{found:?}"
    );
    let found = entities("But the Kessel Academy of Arts said the plan was flawed.");
    assert!(
        !found.iter().any(|(w, _)| w.starts_with("But")),
        "{found:?}"
    );
}

/// A name learnt from its context ("the Tollund Trust said") is looked for
/// in every sentence, beside spans found in longer ones (a regression: the
/// check of a longer span read another sentence's positions).
#[test]
fn a_name_from_context_beside_longer_sentences() {
    let found = entities(
        "Officials from many countries met on Monday in a large hall to discuss the plans of the Kessel Bank. The Tollund Trust said no.",
    );
    assert!(
        found.contains(&("Kessel Bank".to_string(), EntityLabel::Organization)),
        "{found:?}"
    );
    assert!(
        found.iter().any(|(w, _)| w.contains("Tollund Trust")),
        "{found:?}"
    );
}

/// A firm named by two names joined by a slash is one name ("Tollund/Frost
/// Bankers Inc"); two bodies joined by a slash stay two ("the Kessel Savings
/// Fund/Lind Bank talks").
#[test]
fn two_names_joined_by_a_slash() {
    let found = entities("Shares of Tollund/Frost Bankers Inc rose on Monday.");
    assert!(
        found
            .iter()
            .any(|(w, l)| w == "Tollund/Frost Bankers Inc" && *l == EntityLabel::Organization),
        "{found:?}"
    );
    let found = entities("Officials met before the Kessel Savings Fund/Lind Bank talks on Monday.");
    assert!(
        !found.iter().any(|(w, _)| w.contains("Fund/Lind")),
        "{found:?}"
    );
}

/// A capital letter and a hyphen open a company's name ("X-Vantor");
/// a party's letter before a state stays apart ("D-Ohio").
#[test]
fn a_letter_and_a_hyphen_open_a_company_name() {
    let found = entities("Shares of X-Vantor Inc rose after Senator Ann Baker (D-Ohio) spoke.");
    assert!(
        found
            .iter()
            .any(|(w, l)| w == "X-Vantor Inc" && *l == EntityLabel::Organization),
        "{found:?}"
    );
    assert!(!found.iter().any(|(w, _)| w.starts_with("D-")), "{found:?}");
}

/// A title word can open a company's name closed by its legal form
/// ("General Tollund Corp"), but does not cut a longer name the model
/// found ("Kessel General Corp"); and a sentence's first common word with
/// its "of" is no part of the name after it.
#[test]
fn a_title_word_opens_a_company_name() {
    let found = entities("Under General Tollund Corp's plan, wages rose.");
    assert!(
        found
            .iter()
            .any(|(w, l)| w == "General Tollund Corp" && *l == EntityLabel::Organization),
        "{found:?}"
    );
    // The second of two companies joined by "and" keeps its title word.
    let found = entities("Vantor Group and General Tollund Corp will build the plant.");
    assert!(
        found
            .iter()
            .any(|(w, l)| w == "General Tollund Corp" && *l == EntityLabel::Organization),
        "{found:?}"
    );
    let found = entities("Profits of Kessel Holdings fell sharply last year.");
    assert!(
        found
            .iter()
            .any(|(w, l)| w == "Kessel Holdings" && *l == EntityLabel::Organization),
        "{found:?}"
    );
}

/// A possessive opens a company's name when its word never stands
/// without it in the story ("Varga's Rating Service Inc"); a possessor
/// named on its own elsewhere owns the company instead.
#[test]
fn a_possessive_can_open_a_company_name() {
    let found = entities("Varga's Rating Service Inc cut the bank's rating on Monday.");
    assert!(
        found
            .iter()
            .any(|(w, l)| w == "Varga's Rating Service Inc" && *l == EntityLabel::Organization),
        "{found:?}"
    );
    let found =
        entities("Tollund Mining said on Monday that Tollund's Kessel Coal Co would close a pit.");
    assert!(
        found
            .iter()
            .any(|(w, l)| w == "Kessel Coal Co" && *l == EntityLabel::Organization),
        "{found:?}"
    );
}

/// A partnership's names joined by commas before "and Co" are one name
/// ("Tollund, Brandt and Co Inc", with the legal forms after it); a place
/// or a time before the comma is not one of them.
#[test]
fn a_partnership_named_with_commas_is_one_name() {
    let found = entities("The shares were sold through Tollund, Brandt and Co Inc on Monday.");
    assert!(
        found
            .iter()
            .any(|(w, l)| w == "Tollund, Brandt and Co Inc" && *l == EntityLabel::Organization),
        "{found:?}"
    );
    let found = entities("In Oslo, Bergen and Co opened a new office.");
    assert!(
        !found.iter().any(|(w, _)| w.starts_with("Oslo,")),
        "{found:?}"
    );
    // Nor a time before the comma.
    for text in [
        "Yesterday, Brandt and Co opened a new office.",
        "On Monday, Brandt and Co opened a new office.",
    ] {
        let found = entities(text);
        assert!(found.iter().any(|(w, _)| w == "Brandt and Co"), "{found:?}");
        assert!(
            !found
                .iter()
                .any(|(w, _)| w.starts_with("Yesterday") || w.starts_with("Monday")),
            "{found:?}"
        );
    }
}

/// "Vantor Corp and Kessel Holdings Inc" are two companies: "and" joins
/// the names of one ("Halden and Co") but never across a legal form.
#[test]
fn two_companies_joined_by_and_stay_two() {
    let found = entities("Shares of Vantor Corp and Kessel Holdings Inc rose on Monday.");
    assert!(
        found.iter().any(|(w, _)| w == "Vantor Corp")
            && found.iter().any(|(w, _)| w == "Kessel Holdings Inc"),
        "{found:?}"
    );
}

/// "Painter Co said ...": a sentence's first word before a legal form is a
/// company's name; a word that opens clauses ("Its Co-owner") is not.
#[test]
fn a_company_opens_its_sentence() {
    let found = entities("Painter Co said profits rose in Tollund.");
    assert!(
        found.contains(&("Painter Co".to_string(), EntityLabel::Organization)),
        "{found:?}"
    );
}

/// Continental legal forms written without dots ("SA", "BV") close a
/// company's name as "S.A." does: a name with initials before one is no
/// person, and two companies joined by "and" stay two.
#[test]
fn continental_legal_forms_close_company_names() {
    let found = entities("The issue is led by S.G. Kessel Tollund SA, the bank said.");
    assert!(
        found.contains(&(
            "S.G. Kessel Tollund SA".to_string(),
            EntityLabel::Organization
        )),
        "{found:?}"
    );
    let found = entities("Vexa Holdings SA and Brandt Partners BV agreed to merge.");
    for name in ["Vexa Holdings SA", "Brandt Partners BV"] {
        assert!(
            found.contains(&(name.to_string(), EntityLabel::Organization)),
            "{found:?}"
        );
    }
}

/// A conjunction opening the sentence is no part of the name after it.
#[test]
fn an_opening_conjunction_is_no_part_of_a_name() {
    for (text, name) in [
        ("But Kessel Bank said profits fell.", "Kessel Bank"),
        (
            "If Vantor Corp sells the mill, Tollund loses its jobs.",
            "Vantor Corp",
        ),
    ] {
        let found = entities(text);
        assert!(found.iter().any(|(w, _)| w == name), "{text}: {found:?}");
    }
}

/// A particle between capitalised words stays inside a company's name
/// closed by a legal form.
#[test]
fn a_particle_stays_inside_a_company_name() {
    let found = entities("The lead manager is Credit Vexa de Paris SA, the bank said.");
    assert!(
        found.contains(&(
            "Credit Vexa de Paris SA".to_string(),
            EntityLabel::Organization
        )),
        "{found:?}"
    );
}

/// A company named by a word and an organisation's ending ("Kessel
/// Brothers", "Vexa International") is one, first in its sentence too; a
/// longer name found around it keeps its legal form ("Tollund International
/// Inc").
#[test]
fn an_organisation_ending_names_a_company() {
    for (text, name) in [
        (
            "Kessel Brothers led with the lowest offer.",
            "Kessel Brothers",
        ),
        (
            "Vexa International employs 600 people.",
            "Vexa International",
        ),
        (
            "The unit was bought by Tollund International Inc for 30 mln dlrs.",
            "Tollund International Inc",
        ),
    ] {
        let found = entities(text);
        assert!(
            found.contains(&(name.to_string(), EntityLabel::Organization)),
            "{text}: {found:?}"
        );
    }
}

/// A time's possessive ("January's") opens no name.
#[test]
fn a_time_owns_no_name() {
    let found = entities("Ola Lind won January's Tollund Union International in style.");
    assert!(
        found.contains(&(
            "Tollund Union International".to_string(),
            EntityLabel::Organization
        )),
        "{found:?}"
    );
}

/// A one-word organisation the gazetteer knows that is also a common word
/// is a name when capitalised inside a sentence ("the Fed"), not where the
/// capital only opens the sentence ("Fed up with ...").
#[test]
fn a_known_organisation_that_is_a_common_word_is_a_name_inside_a_sentence() {
    let found = entities("Traders said the Fed would raise rates in June.");
    assert!(
        found.contains(&("Fed".to_string(), EntityLabel::Organization)),
        "{found:?}"
    );
    let found = entities("Fed up with delays, voters in Tollund stayed at home.");
    assert!(!found.iter().any(|(w, _)| w == "Fed"), "{found:?}");
}

/// Two person names touching are one person ("Nguyen" and "Van Kessel"
/// found apart), and a surname joined to "al-" stays with the name before.
#[test]
fn long_names_stay_whole() {
    let found = entities("Prime Minister Nguyen Van Minh Tollund met reporters on Monday.");
    assert!(
        found
            .iter()
            .filter(|(_, l)| *l == EntityLabel::Person)
            .count()
            <= 1,
        "{found:?}"
    );
    let found = entities("Abdullah bin Zayed al-Harlow met the delegation on Monday.");
    assert!(
        found.contains(&(
            "Abdullah bin Zayed al-Harlow".to_string(),
            EntityLabel::Person
        )),
        "{found:?}"
    );
}

/// Legal forms in a row all close a company's name ("and Co Inc"), and a
/// limited partnership's "L.P." is one of them.
#[test]
fn legal_forms_in_a_row_close_one_name() {
    let found = entities("B.J. Harlow and Co Inc named Ola Lind chief operating officer.");
    assert!(
        found.contains(&(
            "B.J. Harlow and Co Inc".to_string(),
            EntityLabel::Organization
        )),
        "{found:?}"
    );
    let found = entities("Shares of Tollund Vexa Partners L.P. rose on Monday.");
    assert!(
        found.contains(&(
            "Tollund Vexa Partners L.P.".to_string(),
            EntityLabel::Organization
        )),
        "{found:?}"
    );
}

/// A plural's possessive mark inside an organisation's name keeps it whole
/// ("Tollund Farmers' Federation"), not "Farmers" alone.
#[test]
fn a_plural_possessive_inside_a_name_keeps_it_whole() {
    let found = entities("The Tollund Farmers' Federation said prices fell on Monday.");
    assert!(
        found.contains(&(
            "Tollund Farmers' Federation".to_string(),
            EntityLabel::Organization
        )),
        "{found:?}"
    );
}

/// "Jan Brandt of Tollund Bank" is a person of a bank, not one
/// organisation's name; "the Bank of Tollund" stays one name.
#[test]
fn a_person_of_a_body_is_two_names() {
    let found = entities("Prices will rise, said analyst Jan Brandt of Tollund Bank.");
    assert!(
        found.contains(&("Jan Brandt".to_string(), EntityLabel::Person)),
        "{found:?}"
    );
    assert!(
        found.contains(&("Tollund Bank".to_string(), EntityLabel::Organization)),
        "{found:?}"
    );
    let found = entities("Ola Lind met the head of the Bank of Tollund on Monday.");
    assert!(
        found.contains(&("Bank of Tollund".to_string(), EntityLabel::Organization)),
        "{found:?}"
    );
}

/// Wire copy: a dateline whose state abbreviation is followed by a comma
/// ("TANSFORD, Ohio., March 3 -") still names a place, not the company of
/// the story; and a company name with its legal form in lower case
/// ("Vantor Lind corp") is an organisation's.
#[test]
fn wire_datelines_and_lower_case_legal_forms() {
    let found =
        entities("KESTLING, Mass., March 3 - Vantor Lind corp said its board raised the dividend.");
    assert!(
        found.contains(&("KESTLING".to_string(), EntityLabel::Place)),
        "{found:?}"
    );
    assert!(
        found.contains(&("Vantor Lind".to_string(), EntityLabel::Organization)),
        "{found:?}"
    );
}

/// A word the gazetteer also knows as a title ("Business", from the event
/// coders' agents) inside a company's name before its legal form is a word
/// of the name, not someone's title cutting it: "Kessel Business Machines
/// Inc" had been "Machines Inc". After another title ("General Counsel")
/// it stays a title.
#[test]
fn a_title_word_inside_a_company_name_stays_in_it() {
    let found = entities("Kessel Business Machines Inc said sales rose in May.");
    assert!(
        found.contains(&(
            "Kessel Business Machines Inc".to_string(),
            EntityLabel::Organization
        )),
        "{found:?}"
    );
    let found = entities("Ola Lind, General Counsel Vantor Holdings Inc, said sales rose.");
    assert!(
        found.contains(&("Vantor Holdings Inc".to_string(), EntityLabel::Organization)),
        "{found:?}"
    );
}

/// A name right after the noun of a work is the work's title, a named
/// thing, also when it is a place's or has small words inside ("the hit
/// show Tansford Bay", "the comedy film Meet the Kessels"); and so in
/// apposition ("Vantor Diaries, the drama series,"). A given name and a
/// surname after the noun, or one word with a clause after it, are not
/// titles.
#[test]
fn a_name_after_the_noun_of_a_work_is_its_title() {
    for (text, title) in [
        (
            "Ola Lind starred in the hit show Tansford Bay.",
            "Tansford Bay",
        ),
        (
            "The comedy film Meet the Kessels topped the box office.",
            "Meet the Kessels",
        ),
        (
            "Vantor Diaries, the drama series, was screened in Norway.",
            "Vantor Diaries",
        ),
    ] {
        let found = entities(text);
        assert!(
            found.contains(&(title.to_string(), EntityLabel::Misc)),
            "{text}: {found:?}"
        );
    }
    for text in [
        "The documentary Ana Ruiz made won the prize.",
        "The album Kessel released last year sold well.",
    ] {
        let found = entities(text);
        assert!(
            !found.iter().any(|(_, l)| *l == EntityLabel::Misc),
            "{text}: {found:?}"
        );
    }
}

/// A family name before a romanised given name of two syllables ("Han
/// Seo-jun", "Tam Wing-kei") is one person, whether the model found the
/// family name alone or nothing; an English compound of that shape after a
/// capitalised word is no name.
#[test]
fn family_name_first_names_stay_whole() {
    for (text, name) in [
        (
            "Han Seo-jun told the assembly that the vote would wait.",
            "Han Seo-jun",
        ),
        (
            "The union's leader, Tam Wing-kei, rejected the offer.",
            "Tam Wing-kei",
        ),
        (
            "Officials said Oh Min-ji had left Vantor in March.",
            "Oh Min-ji",
        ),
    ] {
        let found = entities(text);
        assert!(
            found.contains(&(name.to_string(), EntityLabel::Person)),
            "{text}: {found:?}"
        );
    }
    for text in [
        "Kessel Bank published its Year-end figures after the Follow-up talks.",
        "The Leuven-based maker sold A Blu-ray player in a Vegas-style show.",
    ] {
        let found = entities(text);
        assert!(
            !found
                .iter()
                .any(|(words, label)| words.contains('-') && *label == EntityLabel::Person),
            "{text}: {found:?}"
        );
    }
}

/// A given name written with an apostrophe opens a person's name
/// ("N'Famara Kessel"), a lone word before an apostrophe surname is a
/// given name ("Siobhan O'Dowd"), and a Vietnamese name goes on after its
/// middle name ("Do Thi Hoa"); a French article with an apostrophe
/// ("D'Or") opens no person's name.
#[test]
fn apostrophe_and_vietnamese_names_stay_whole() {
    for (text, names) in [
        (
            "N'Famara Kessel and Siobhan O'Dowd joined the Harlow club.",
            &["N'Famara Kessel", "Siobhan O'Dowd"][..],
        ),
        (
            "The minister, Do Thi Hoa, told reporters the vote would wait.",
            &["Do Thi Hoa"][..],
        ),
    ] {
        let found = entities(text);
        for name in names {
            assert!(
                found.contains(&(name.to_string(), EntityLabel::Person)),
                "{text}: {found:?}"
            );
        }
    }
    let found = entities("Vantor bought the Lion D'Or Tansford hotel.");
    assert!(
        !found
            .iter()
            .any(|(words, label)| words.contains("D'Or") && *label == EntityLabel::Person),
        "{found:?}"
    );
}

/// After a title and "of", the place and the holder's name touch: the
/// person is found and the place keeps only its own words ("Mayor of
/// Tansford Anna Lind", "Governor of Tansford Province Jan Brandt"); a
/// place whose last words are no name stays whole.
#[test]
fn a_title_of_a_place_and_the_holder_are_two_names() {
    for (text, place, person) in [
        (
            "Mayor of Tansford Anna Lind opened the bridge.",
            "Tansford",
            "Anna Lind",
        ),
        (
            "Governor of Tansford Province Jan Brandt resigned on Monday.",
            "Tansford Province",
            "Jan Brandt",
        ),
    ] {
        let found = entities(text);
        assert!(
            found.contains(&(place.to_string(), EntityLabel::Place))
                && found.contains(&(person.to_string(), EntityLabel::Person)),
            "{text}: {found:?}"
        );
    }
    // A one-word place after the title is left as it is.
    let found = entities("The Mayor of Oslo spoke on Monday.");
    assert!(
        found.contains(&("Oslo".to_string(), EntityLabel::Place)),
        "{found:?}"
    );
    let found = entities("The Bishop of San Jose Del Monte visited the school.");
    assert!(
        !found.iter().any(|(_, label)| *label == EntityLabel::Person),
        "{found:?}"
    );
}

/// A month after a preposition is a time, not the first partner of an
/// "X and Y Inc" firm ("fell in March and Kessel Inc said").
#[test]
fn a_month_is_no_partner_of_a_firm() {
    let found =
        entities("Vantor Corp said sales fell in March and Kessel Inc said its profit rose.");
    assert!(
        found.contains(&("Kessel Inc".to_string(), EntityLabel::Organization)),
        "{found:?}"
    );
    assert!(!found.iter().any(|(w, _)| w.contains("March")), "{found:?}");
}
