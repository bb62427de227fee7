//! English constructions on real analyses (the shipped models), each with
//! sentences of our own: rules that need a real parse, which unit tests'
//! hand-made trees do not show.

use std::path::PathBuf;

use newskg_extract::{Argument, DocFacts, Extractor, Modality};
use newskg_input::Document;
use newskg_nlp::Analyzer;

fn extract(text: &str) -> DocFacts {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../models"));
    let analyzer = Analyzer::load(&dir).unwrap_or_else(|e| panic!("{e}"));
    let extractor = Extractor::new(analyzer.gazetteer().clone());
    extractor.extract(analyzer.analyze(Document::from_text("t.txt", text)))
}

/// Every fact as "subject | relation | object" (entities and concepts by
/// label).
fn facts(doc: &DocFacts) -> Vec<String> {
    let side = |a: &Argument| match a {
        Argument::Entity(e) => doc.entities[*e].label.clone(),
        Argument::Concept { label, .. } => label.clone(),
        Argument::Statement(_) => "<statement>".to_string(),
        Argument::Absent => "<none>".to_string(),
    };
    doc.facts
        .iter()
        .map(|f| {
            format!(
                "{} | {} | {}",
                side(&f.subject),
                f.relation,
                side(&f.object)
            )
        })
        .collect()
}

/// The first fact of `doc` with `relation`.
fn fact_with<'d>(doc: &'d DocFacts, relation: &str) -> &'d newskg_extract::Fact {
    doc.facts
        .iter()
        .find(|f| f.relation == relation)
        .unwrap_or_else(|| panic!("{relation}: {:?}", facts(doc)))
}

/// The modality of the first fact of `doc` with `relation`.
fn modality_of(doc: &DocFacts, relation: &str) -> Modality {
    fact_with(doc, relation).modality
}

/// The tokenizer splits "so-called" and "Oslo-based" at the hyphen, as UD
/// does: the parts are one word in labels and never read as a verb.
#[test]
fn a_hyphenated_participle_is_no_verb() {
    let got = facts(&extract(
        "Vantor has so-called \"green\" rules for its farms.",
    ));
    assert!(!got.iter().any(|f| f.contains("| call")), "{got:?}");
    assert!(
        got.iter()
            .any(|f| f == "Vantor | have | so-called green rules"),
        "{got:?}"
    );
}

#[test]
fn a_hyphenated_modifier_stays_whole_in_labels() {
    let got = facts(&extract(
        "Mira Kessel bought a Tollund-based bakery and praised the long-awaited report.",
    ));
    assert!(
        got.iter().any(|f| f.ends_with("| Tollund-based bakery")),
        "{got:?}"
    );
    assert!(
        got.iter().any(|f| f.ends_with("| long-awaited report")),
        "{got:?}"
    );
}

/// "told Vantor to stop the sale": the one told stops the sale, not the
/// board (object control), also where the parser labels the object iobj.
#[test]
fn the_object_of_a_verb_of_asking_does_its_complement() {
    let got = facts(&extract("The board told Vantor to stop the sale."));
    assert!(got.iter().any(|f| f == "Vantor | stop | sale"), "{got:?}");
    assert!(
        !got.iter()
            .any(|f| f.starts_with("board | tell to stop | sale")),
        "{got:?}"
    );
}

/// "Pan-Nordic chain Vantor is ready to...": when the parser gives the
/// verb both the descriptor and the name as subjects, the name acts.
#[test]
fn a_descriptor_before_a_name_gives_way_to_the_name() {
    let got = facts(&extract(
        "Pan-Nordic chain Vantor is ready to buy the Kessel Exchange.",
    ));
    assert!(
        got.iter()
            .any(|f| f.starts_with("Vantor | be ready to buy |")),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|f| f.starts_with("Pan-Nordic chain |")),
        "{got:?}"
    );
}

/// "made the phones cheaper": the adjective joins the relation; it is no
/// second object.
#[test]
fn an_adjective_after_the_object_joins_the_relation() {
    let got = facts(&extract(
        "The Vantor Group made its phones cheaper last year.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Vantor Group | make cheaper | phones"),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|f| f == "Vantor Group | make | phones"),
        "{got:?}"
    );
    // Verbs of calling and judging too: the adjective is the point.
    let got = facts(&extract("Jan Brandt called the new tax plan outrageous."));
    assert!(
        got.iter()
            .any(|f| f == "Jan Brandt | call outrageous | new tax plan"),
        "{got:?}"
    );
    // A comparison stays: "more affordable" is not "affordable".
    let got = facts(&extract(
        "The Vantor Group made its phones more affordable.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Vantor Group | make more affordable | phones"),
        "{got:?}"
    );
}

/// "if Vantor does not win, a better offer would ...": a noun phrase after
/// a comma opens the next clause; it is not the verb's object.
#[test]
fn no_object_across_a_comma() {
    let got = facts(&extract(
        "Lind said that if the Vantor Group lowers its price and does not win, a better offer from a rival would hand it a loss.",
    ));
    assert!(!got.iter().any(|f| f.contains("| win |")), "{got:?}");
    let got = facts(&extract(
        "If the Kessel Bank does not sign, the cost of the loans would rise steeply.",
    ));
    assert!(!got.iter().any(|f| f.contains("| sign |")), "{got:?}");
}

/// A possessive does not count against a noun's complement: "Vantor's
/// failure to pay its debts", not "Vantor's failure".
#[test]
fn a_possessed_noun_keeps_its_complement() {
    let got = facts(&extract(
        "Mira Kessel criticised the Vantor Group's failure to pay its debts.",
    ));
    assert!(
        got.iter()
            .any(|f| f.ends_with("| Vantor Group's failure to pay debts")),
        "{got:?}"
    );
}

/// "The mood grew calmer": a bare adjective is no object of the graph
/// (open IE keeps it).
#[test]
fn a_bare_adjective_is_no_object() {
    let got = facts(&extract(
        "The Vantor Group remained silent and Kessel Bank became cautious.",
    ));
    assert!(
        !got.iter()
            .any(|f| f.ends_with("| silent") || f.ends_with("| cautious")),
        "{got:?}"
    );
}

/// "Critics say only the council should be able to close ...": what is said
/// is the verb's fact under the framing adjective ("able to", "likely to"),
/// so the statement is kept and linked to it.
#[test]
fn a_statement_through_a_framing_adjective_links_the_verb() {
    let got = facts(&extract(
        "Critics say only the council should be able to close the school.",
    ));
    assert!(
        got.iter().any(|f| f == "Critics | say | <statement>"),
        "{got:?}"
    );
    assert!(
        got.iter().any(|f| f.starts_with("council | close |")),
        "{got:?}"
    );
}

/// A bare noun phrase of time ("sometime tonight", "each year") is no
/// object, whatever label the parser gives it.
#[test]
fn a_bare_time_phrase_is_no_object() {
    let got = facts(&extract(
        "Fishermen said the Vantor Group was likely to reopen the harbour sometime tonight.",
    ));
    assert!(!got.iter().any(|f| f.ends_with("| tonight")), "{got:?}");
}

/// "Ola Lind, a fund manager at Tollund Savings Bank": the role with
/// its body; the bare role beside it says less and is left out.
#[test]
fn a_role_with_its_body_replaces_the_bare_role() {
    let got = facts(&extract(
        "Ola Lind, a fund manager at Tollund Savings Bank, said the merger was finished.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Ola Lind | fund manager of | Tollund Savings Bank"),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|f| f == "Ola Lind | be | fund manager"),
        "{got:?}"
    );
}

/// "the prospect of Vantor buying a rival": a prospect is not an event, so
/// what its clause says is Possible, not Asserted.
#[test]
fn a_prospect_is_not_asserted() {
    let doc = extract("The prospect of Vantor Corp buying a rival alarmed the unions.");
    let buy = doc
        .facts
        .iter()
        .find(|f| f.relation == "buy")
        .unwrap_or_else(|| panic!("{:?}", facts(&doc)));
    assert_eq!(buy.modality, Modality::Possible);
}

/// "rules stop banks sharing records": what the object is kept from
/// doing did not happen, so it is no fact (as with "from").
#[test]
fn what_a_rule_stops_is_no_fact() {
    for text in [
        "Strict rules stop banks sharing the records of their clients.",
        "The new law will prevent Vantor buying the port.",
    ] {
        let got = facts(&extract(text));
        assert!(
            !got.iter()
                .any(|f| f.contains("| share |") || f.contains("| buy |")),
            "{got:?}"
        );
    }
}

/// "was forced to publish": a passive verb inside an xcomp chain keeps
/// its voice, so the relation does not say the subject forced anyone.
#[test]
fn a_passive_inside_a_chain_keeps_its_voice() {
    let got = facts(&extract("Vantor Corp was forced to sell the port."));
    assert!(
        got.iter()
            .any(|f| f.ends_with("| be forced to sell | port")),
        "{got:?}"
    );
}

/// "reports that the board had decided": the clause of a report noun is
/// someone's account, not the writer's.
#[test]
fn the_clause_of_a_report_is_reported() {
    let doc = extract(
        "Shares rose on published reports that the Kessel board had decided to sell the port.",
    );
    let sell = doc
        .facts
        .iter()
        .find(|f| f.relation.ends_with("sell"))
        .unwrap_or_else(|| panic!("{:?}", facts(&doc)));
    assert_eq!(sell.modality, newskg_extract::Modality::Reported);
}

/// "made a donation to the hospital": after a support verb, the
/// prepositional phrase relates through the noun ("make donation to"), not
/// the bare verb.
#[test]
fn a_support_verb_relates_through_its_noun() {
    let got = facts(&extract(
        "Ana Ruiz made another offer to the Tollund unions.",
    ));
    assert!(
        got.iter().any(|f| f.contains("| make offer to |")),
        "{got:?}"
    );
    assert!(!got.iter().any(|f| f.contains("| make to |")), "{got:?}");
}

/// "Neither Kessel Air nor Vantor has paid the fine": "neither ... nor"
/// denies the clause for each of them.
#[test]
fn neither_nor_denies() {
    let doc = extract("Neither Kessel Air nor Vantor has paid the fine to the port.");
    let assumed: Vec<_> = doc.facts.iter().filter(|f| f.relation == "pay").collect();
    assert!(!assumed.is_empty(), "{:?}", facts(&doc));
    assert!(assumed.iter().all(|f| f.negated), "{:?}", facts(&doc));
}

/// "agreed not to sell": the inner verb's negation stays in the relation;
/// "did not agree to sell" denies the whole fact.
#[test]
fn an_inner_not_stays_in_the_relation() {
    let doc = extract("Vantor Corp agreed not to sell the port.");
    assert!(
        doc.facts
            .iter()
            .any(|f| f.relation == "agree not to sell" && !f.negated),
        "{:?}",
        facts(&doc)
    );
    let doc = extract("Vantor Corp did not agree to sell the port.");
    assert!(
        doc.facts
            .iter()
            .any(|f| f.relation == "agree to sell" && f.negated),
        "{:?}",
        facts(&doc)
    );
}

/// "asked whether the bank had paid": an open question claims nothing, so
/// the default graph takes no fact from it.
#[test]
fn an_open_question_gives_no_fact() {
    let got = facts(&extract(
        "Analysts asked whether Vantor Corp had paid the fine to the Kessel regulator.",
    ));
    assert!(!got.iter().any(|f| f.contains("| pay")), "{got:?}");
}

/// "is the biggest employer in Tollund, according to the council": the
/// source is the source of the clause, also where the parser hangs the
/// phrase on the noun.
#[test]
fn according_to_reports_a_nominal_clause() {
    let doc =
        extract("Vantor Corp is the biggest employer in Tollund, according to the town council.");
    let investor = doc
        .facts
        .iter()
        .find(|f| f.relation.starts_with("employer"))
        .unwrap_or_else(|| panic!("{:?}", facts(&doc)));
    assert_eq!(investor.modality, newskg_extract::Modality::Reported);
}

/// "there is a chance he sells the mill": the clause says what the chance
/// is, also where the parser reads it as a relative clause.
#[test]
fn a_chance_without_a_gap_is_a_prospect() {
    let doc = extract("\"There is a chance Vantor Corp sells the Tollund mill,\" said Mark Hale.");
    let sells: Vec<_> = doc.facts.iter().filter(|f| f.relation == "sell").collect();
    assert!(
        sells.iter().all(|f| f.modality == Modality::Possible),
        "{:?}",
        facts(&doc)
    );
}

/// "asked the regulator to approve the merger": the regulator is who is to
/// approve, not what is asked or approved; what it is asked to approve
/// joins the relation, and the complement states it.
#[test]
fn an_object_that_does_the_complement_is_not_its_object() {
    let got = facts(&extract(
        "Vantor Corp asked the Tollund regulator to approve the merger.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Vantor Corp | ask to approve merger | Tollund regulator"),
        "{got:?}"
    );
    assert!(
        !got.iter()
            .any(|f| f.ends_with("| merger") && f.contains("ask")),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|f| f == "Tollund regulator | approve | merger"),
        "{got:?}"
    );
    // Without an object of its own the complement joins the relation.
    let got = facts(&extract("The Tollund council urged Jan Brandt to resign."));
    assert!(
        got.iter()
            .any(|f| f == "Tollund council | urge to resign | Jan Brandt"),
        "{got:?}"
    );
    // "Called on" someone is as "urged" them.
    let got = facts(&extract(
        "Ana Ruiz called on the Tollund council to cut taxes.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Ana Ruiz | call on to cut taxes | Tollund council"),
        "{got:?}"
    );
    // The complement's own denial and its one prepositional argument are
    // the relation's.
    let got = facts(&extract(
        "Ana Ruiz advised Jan Brandt not to rush back into training.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Ana Ruiz | advise not to rush back into training | Jan Brandt"),
        "{got:?}"
    );
    // After a verb that controls nothing, the object is a noun the
    // infinitive completes, and no relation carries it.
    let got = facts(&extract(
        "Vantor Corp sought the power to block the merger.",
    ));
    assert!(!got.iter().any(|f| f.contains("seek to block")), "{got:?}");
}

/// "did not seriously harm": the denial is of the manner, so the adverb
/// stays in the denied relation.
#[test]
fn a_denied_manner_stays_in_the_relation() {
    let doc = extract("Kessel Bank does not seriously threaten Vantor Corp.");
    assert!(
        doc.facts
            .iter()
            .any(|f| f.relation == "seriously threaten" && f.negated),
        "{:?}",
        facts(&doc)
    );
    // An adverb that only stresses the denial is no part of it.
    let doc = extract("Kessel Bank does not really threaten Vantor Corp.");
    assert!(
        doc.facts
            .iter()
            .any(|f| f.relation == "threaten" && f.negated),
        "{:?}",
        facts(&doc)
    );
}

/// "almost doubled": near the event is not the event, so an adverb of
/// approximation stays in the relation.
#[test]
fn an_approximation_stays_in_the_relation() {
    let doc = extract("Kessel Bank almost doubled its stake in Vantor Corp.");
    assert!(
        doc.facts.iter().any(|f| f.relation == "almost double"),
        "{:?}",
        facts(&doc)
    );
    let doc = extract("The losses of Vantor Corp were partly offset by Kessel Bank.");
    assert!(
        doc.facts
            .iter()
            .any(|f| f.relation.contains("partly offset")),
        "{:?}",
        facts(&doc)
    );
    // An adverb of the reason, not of the verb, stays out.
    let doc = extract("Vantor Corp sold the mill, partly because Kessel Bank wanted cash.");
    assert!(
        doc.facts.iter().all(|f| !f.relation.contains("partly")),
        "{:?}",
        facts(&doc)
    );
}

/// An "including" phrase counts members of the phrase before it: right
/// after the object it names some of what the verb was done to ("beat the
/// other actors, including Ana Ruiz": "beat Ana Ruiz"); after another phrase it
/// is no participant of the verb ("won many awards in 2004, including the
/// Harlow Prize" gives no "win including Harlow Prize").
#[test]
fn an_including_phrase_counts_members_of_the_phrase_before_it() {
    let got = facts(&extract(
        "Morgan Lind beat the other actors, including Ana Ruiz, to the prize.",
    ));
    assert!(
        got.iter().any(|f| f == "Morgan Lind | beat | Ana Ruiz"),
        "{got:?}"
    );
    let got = facts(&extract(
        "Vantor Corp won many awards in 2004, including the Harlow Prize.",
    ));
    assert!(got.iter().any(|f| f.contains("many awards")), "{got:?}");
    assert!(got.iter().all(|f| !f.contains("including")), "{got:?}");
    // What is left out is no participant either.
    let got = facts(&extract(
        "The Harlow Group was sold to Vantor Corp today except for units in certain countries, the company said.",
    ));
    assert!(got.iter().any(|f| f.contains("be sold to")), "{got:?}");
    assert!(got.iter().all(|f| !f.contains("except")), "{got:?}");
    // Nor is a rate's "per".
    let got = facts(&extract(
        "Kessel Bank estimated per capita income for 2031 at 41 euros.",
    ));
    assert!(got.iter().all(|f| !f.contains(" per |")), "{got:?}");
}

/// "was happy to praise": in the past a predicate of feeling tells what
/// was done; in the present, or under a modal, it only offers.
#[test]
fn a_past_feeling_tells_what_was_done() {
    let doc = extract("Ana Ruiz was happy to praise the work of Kessel Bank.");
    assert_eq!(
        modality_of(&doc, "praise"),
        Modality::Asserted,
        "{:?}",
        facts(&doc)
    );
    for text in [
        "Ana Ruiz is happy to praise the work of Kessel Bank.",
        "Ana Ruiz would be happy to praise the work of Kessel Bank.",
    ] {
        let doc = extract(text);
        assert_eq!(
            modality_of(&doc, "praise"),
            Modality::Possible,
            "{text}: {:?}",
            facts(&doc)
        );
    }
}

/// "pushed back the launch", "pushed the launch back by a year": the
/// particle is part of the verb (postponing is not pushing), and a phrasal
/// verb with an object has no stance of its own ("push back against" is
/// opposing); "down from" after a figure is no particle.
#[test]
fn a_particle_hung_as_an_adverb_stays_with_its_verb() {
    for text in [
        "Vantor Corp pushed back the launch of its Harlow mill.",
        "Vantor Corp pushed the launch of its Harlow mill back by a year.",
    ] {
        let doc = extract(text);
        assert!(
            doc.facts
                .iter()
                .any(|f| f.relation == "push back" && f.stance.is_none()),
            "{text}: {:?}",
            facts(&doc)
        );
    }
    let got = facts(&extract(
        "Kessel Bank earned 34 cents a share, down from 76 cents a year before.",
    ));
    assert!(got.iter().all(|f| !f.contains("earn down")), "{got:?}");
}

/// "the funds to pay off or take over the debts": the phrasal verb's object
/// is its conjunct's, so "funds to pay off" would be a cut clause; and a
/// phrase set off by commas ("the spokesman, in response to questions,")
/// is no part of a label.
#[test]
fn cut_infinitives_and_asides_stay_out_of_labels() {
    let got = facts(&extract(
        "Vantor Corp used the funds to pay off or take over the debts of Kessel Bank.",
    ));
    assert!(
        got.iter()
            .all(|f| !f.contains("to pay off") && !f.contains("take")),
        "{got:?}"
    );
    let got = facts(&extract(
        "The Vantor Corp spokesman, in response to questions, said Kessel Bank had sold the mill.",
    ));
    assert!(got.iter().all(|f| !f.contains("in response")), "{got:?}");
}

/// "Is he trying to sell?": a clause with its auxiliary before its subject
/// asks; it states no fact.
#[test]
fn an_inverted_question_gives_no_fact() {
    let got = facts(&extract(
        "Ola Lind runs Vantor Corp. \"Will Lind sell the Tollund mill to a bank?\" Mark Hale asked.",
    ));
    assert!(!got.iter().any(|f| f.contains("sell")), "{got:?}");
    // Inverted, with no question mark to tell.
    let got = facts(&extract(
        "\"Has Vantor sold the port, or has it kept it,\" Mark Hale asked.",
    ));
    assert!(!got.iter().any(|f| f.contains("sell")), "{got:?}");
    // A declarative with a fronted phrase before the copula is no question.
    let got = facts(&extract(
        "Also present at the launch was Vantor chairman Ola Lind.",
    ));
    assert!(!got.is_empty(), "{got:?}");
}

/// "Any bank can sue the port": about whatever fits, a rule, not an
/// event; denied, it is a fact.
#[test]
fn a_subject_quantified_by_any_gives_no_fact() {
    let got = facts(&extract("Any bank in Tollund can sue Vantor Corp."));
    assert!(!got.iter().any(|f| f.contains("sue")), "{got:?}");
    let got = facts(&extract(
        "The Tollund court said any bank can sue Vantor Corp.",
    ));
    assert!(!got.iter().any(|f| f.contains("sue")), "{got:?}");
    let doc = extract("Vantor Corp did not pay any fine to the Tollund court.");
    assert!(doc.facts.iter().any(|f| f.negated), "{:?}", facts(&doc));
}

/// "Laws protect banks": a bare plural as subject names a kind or an
/// unnamed group; the graph takes no fact from it, but what such a group
/// is said to say stays, attributed.
#[test]
fn a_bare_plural_subject_gives_no_fact_but_its_statement_stays() {
    let got = facts(&extract(
        "Regulators fined Vantor Corp in May. Analysts said Kessel Bank would buy the Tollund mill.",
    ));
    assert!(!got.iter().any(|f| f.starts_with("Regulators")), "{got:?}");
    assert!(
        got.iter().any(|f| f == "Analysts | say | <statement>"),
        "{got:?}"
    );
    assert!(
        got.iter().any(|f| f.starts_with("Kessel Bank | buy")),
        "{got:?}"
    );
}

/// "the owners Vantor Holdings were selling the hotel": the name in the
/// subject's phrase is who acts, though a verb follows it.
#[test]
fn a_subjects_name_is_who_acts() {
    let got = facts(&extract(
        "Last week the owners Vantor Holdings were selling the Harlow hotel.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Vantor Holdings | sell | Harlow hotel"),
        "{got:?}"
    );
}

/// "Hale, a sales vice president at Vantor": a common word before the
/// role says which kind of it; the role and its body are the fact, and
/// "be sales vice president" says less. "A former director" is no
/// present role.
#[test]
fn a_modified_role_in_apposition_keeps_its_body() {
    let got = facts(&extract(
        "\"We will cut prices,\" said Mark Hale, a sales vice president at Vantor Corp.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Mark Hale | vice president of | Vantor Corp."),
        "{got:?}"
    );
    assert!(!got.iter().any(|f| f.contains("| be |")), "{got:?}");
    let got = facts(&extract(
        "Ola Lind, a former director at Kessel Bank, said prices would fall.",
    ));
    assert!(!got.iter().any(|f| f.contains("director of")), "{got:?}");
}

/// "is less likely in Tollund": the degree word is part of what is said.
#[test]
fn a_degree_word_stays_with_its_adjective() {
    let got = facts(&extract(
        "Vantor Corp said a rise in prices is less likely in Tollund than in Harlow.",
    ));
    assert!(
        got.iter().any(|f| f.contains("| be less likely in |")),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|f| f.contains("| be likely in |")),
        "{got:?}"
    );
}

/// "Lind, the line judge": the role with its modifier says more than the
/// bare title read from the same words.
#[test]
fn a_bare_title_gives_way_to_its_longer_apposition() {
    let got = facts(&extract(
        "Ola Lind, the line judge who was blamed by Harlow coach Jan Brandt, left early.",
    ));
    assert!(
        got.iter().any(|f| f == "Ola Lind | be | line judge"),
        "{got:?}"
    );
    assert!(!got.iter().any(|f| f == "Ola Lind | be | judge"), "{got:?}");
}

/// "Lind said: “We think ...”": a quote's speaker is who a clause in it
/// is attributed to when the clause's own speaker is a pronoun.
#[test]
fn a_quote_is_attributed_past_its_inner_pronoun() {
    let doc = extract(
        "Ola Lind of the Harlow Party said: \"We think it should be the council that sets the prices, not Vantor Corp.\"",
    );
    let sets: Vec<_> = doc.facts.iter().filter(|f| f.relation == "set").collect();
    assert!(!sets.is_empty(), "{:?}", facts(&doc));
    assert!(
        sets.iter()
            .all(|f| matches!(f.attributed_to, Some(Argument::Entity(_)))),
        "{:?}",
        facts(&doc)
    );
}

/// "Wales prop Tom Reyes burst through": a title inside a name that the parser
/// read as a verb states nothing, and the verb after the name is the
/// person's.
#[test]
fn a_title_read_as_a_verb_states_nothing() {
    let got = facts(&extract(
        "Wales prop Tom Reyes burst through at full speed.",
    ));
    assert!(
        !got.iter().any(|f| f == "Wales | prop | Tom Reyes"),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|f| f.starts_with("Wales | burst")),
        "{got:?}"
    );
    assert!(
        got.iter().any(|f| f == "Tom Reyes | prop of | Wales"),
        "{got:?}"
    );
}

/// "expressed support for the plan": the noun carries the predicate with
/// its verb, as with "make", "take" and "give".
#[test]
fn support_expressed_for_something_keeps_its_noun() {
    let got = facts(&extract(
        "Mark Hale expressed support for the Tollund plan on Monday.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Mark Hale | express support for | Tollund plan"),
        "{got:?}"
    );
}

/// "Lind, a fund manager at Kessel Trust said ...": an apposition whose
/// closing comma news left out still gives the role and its body.
#[test]
fn a_role_without_its_closing_comma_is_read() {
    let got = facts(&extract(
        "Ola Lind, a fund manager at Kessel Trust said the shares were cheap.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Ola Lind | fund manager of | Kessel Trust"),
        "{got:?}"
    );
}

/// "the ministry, which had ordered the review": a participle with its
/// own subject or auxiliary is a full relative clause, active, whatever
/// the parser called it; only a bare one ("parts bought by Vantor") is
/// passive.
#[test]
fn a_relative_clause_with_its_own_auxiliary_is_active() {
    let got = facts(&extract(
        "The auditors sent their findings to the Harlow Ministry, which had ordered the review.",
    ));
    assert!(
        got.iter().any(|f| f == "Harlow Ministry | order | review"),
        "{got:?}"
    );
}

/// "a vote in the Chamber of Deputies": a bare "of" noun right after the
/// complement completes a name or a fixed term, which cut there names
/// something else ("vote in Chamber").
#[test]
fn a_complement_keeps_the_of_that_completes_it() {
    let got = facts(&extract(
        "The Tollund government faces a vote in the Chamber of Deputies. Jan Brandt spoke of the need for changes of policy at the bank.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Tollund government | face | vote in Chamber of Deputies"),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|f| f == "Jan Brandt | speak of | need for changes of policy"),
        "{got:?}"
    );
}

/// "The plan is to sell the mill", "their duty was to warn": the
/// noun says what is to be done and does nothing; "Vantor was to buy the
/// mill" was arranged, not done.
#[test]
fn what_is_to_be_done_is_not_done() {
    let doc = extract(
        "Their duty was to warn Jan Brandt of the risk. The plan is to sell the Tollund mill to Kessel Bank. Vantor Corp was to buy the Harlow mill.",
    );
    let got = facts(&doc);
    assert!(!got.iter().any(|f| f.starts_with("duty")), "{got:?}");
    assert!(!got.iter().any(|f| f.starts_with("plan")), "{got:?}");
    let buy = doc
        .facts
        .iter()
        .find(|f| f.relation == "buy")
        .unwrap_or_else(|| panic!("{got:?}"));
    assert_eq!(buy.modality, Modality::Possible);
}

/// "stopped Vantor from trading": what the object is kept from doing is
/// part of the relation, not a prepositional object of its own.
#[test]
fn what_an_object_is_kept_from_joins_the_relation() {
    let got = facts(&extract(
        "The Tollund council stopped Vantor Corp from trading.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Tollund council | stop from trading | Vantor Corp"),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|f| f.contains("| stop from | trading")),
        "{got:?}"
    );
}

/// "does not plan to sell the shares now": the denial is for now, and the
/// relation says so; "did not sell" stays a plain denial.
#[test]
fn a_denied_time_stays_in_the_relation() {
    let doc = extract(
        "Jan Brandt says he does not plan to sell the shares now. Vantor Corp did not sell the Tollund mill.",
    );
    assert!(
        doc.facts
            .iter()
            .any(|f| f.relation == "plan to sell now" && f.negated),
        "{:?}",
        facts(&doc)
    );
    assert!(
        doc.facts.iter().any(|f| f.relation == "sell" && f.negated),
        "{:?}",
        facts(&doc)
    );
}

/// "told a meeting of the club that she is sorry": the clause the parser hung
/// on the audience is what was said, Reported.
#[test]
fn a_clause_hung_on_the_audience_is_what_was_said() {
    let doc =
        extract("Ola Lind told a meeting of the club on Friday that she is sorry for the delay.");
    let sorry = doc
        .facts
        .iter()
        .find(|f| f.relation == "be sorry for")
        .unwrap_or_else(|| panic!("{:?}", facts(&doc)));
    assert_eq!(sorry.modality, newskg_extract::Modality::Reported);
}

/// "will buy": planned or predicted, not yet a fact, so Possible; the
/// saying of a quote about the future is still asserted.
#[test]
fn what_will_happen_has_not_happened() {
    let doc = extract(
        "Vantor Corp will buy the Tollund mill next year. \"Kessel Bank will close the Harlow branch,\" Ola Lind said.",
    );
    let buy = doc
        .facts
        .iter()
        .find(|f| f.relation == "buy")
        .unwrap_or_else(|| panic!("{:?}", facts(&doc)));
    assert_eq!(buy.modality, Modality::Possible);
    let said = doc
        .facts
        .iter()
        .find(|f| f.relation == "say")
        .unwrap_or_else(|| panic!("{:?}", facts(&doc)));
    assert_eq!(said.modality, Modality::Asserted);
}

/// "Lind, the line judge who was blamed by Brandt": the apposition that
/// is the antecedent of its own relative clause means the name it is set
/// beside; the apposition's own fact keeps the noun.
#[test]
fn an_apposition_with_a_relative_clause_means_its_name() {
    let got = facts(&extract(
        "Ola Lind, the line judge who was blamed by Harlow coach Jan Brandt, left early.",
    ));
    assert!(
        got.iter().any(|f| f == "Jan Brandt | blame | Ola Lind"),
        "{got:?}"
    );
    assert!(
        got.iter().any(|f| f == "Ola Lind | be | line judge"),
        "{got:?}"
    );
}

/// "Vantor is no friend of the unions", "Kessel is in no position to
/// bid": "no" on a nominal predicate denies it.
#[test]
fn no_on_a_nominal_predicate_denies_it() {
    let doc = extract("Vantor Corp is no friend of the Tollund unions.");
    assert!(
        doc.facts
            .iter()
            .any(|f| f.relation == "friend of" && f.negated),
        "{:?}",
        facts(&doc)
    );
    let doc = extract("Kessel Bank is in no position to buy the Harlow mill.");
    assert!(
        doc.facts.iter().all(|f| f.relation != "be in" || f.negated),
        "{:?}",
        facts(&doc)
    );
}

/// "did not sign the deal until May": "not ... until" says when it
/// happened, late; the signing is no denied fact.
#[test]
fn not_until_is_no_denial() {
    let doc = extract("Vantor Corp did not sign the Tollund deal until May.");
    let sign = doc
        .facts
        .iter()
        .find(|f| f.relation == "sign")
        .unwrap_or_else(|| panic!("{:?}", facts(&doc)));
    assert!(!sign.negated, "{:?}", facts(&doc));
    let doc = extract("Vantor Corp did not sign the Tollund deal.");
    assert!(doc.facts.iter().any(|f| f.relation == "sign" && f.negated));
}

/// "needed 20 million euros from its sponsors": when the verb's object is
/// an amount the graph does not keep, its prepositional phrases alone
/// ("need from" the lender) say nothing of what was done; beside an object
/// that names something they stay ("moved its workers to Paris").
#[test]
fn phrases_of_a_verb_whose_object_is_an_amount_are_no_facts() {
    let got = facts(&extract(
        "Vantor Corp needed 20 million euros from Kessel Bank. \
         Harlow Co moved its workers to Paris.",
    ));
    assert!(!got.iter().any(|f| f.contains("need from")), "{got:?}");
    assert!(
        got.iter().any(|f| f.ends_with("| move to | Paris")),
        "{got:?}"
    );
}

/// "sold the shares at a loss": beside an object that names something, a
/// prepositional phrase of a common noun is the event's manner or setting,
/// no fact of its own ("sell at" a loss); a name there is a participant
/// ("moved its workers to Paris"), and a support noun keeps its phrase
/// ("expressed support for the plan").
#[test]
fn a_circumstance_beside_an_object_is_no_fact() {
    let got = facts(&extract(
        "Kessel Bank sold the shares at a loss. Harlow Co moved its workers to Paris. \
         Ana Ruiz expressed support for the new plan.",
    ));
    assert!(
        got.iter().any(|f| f == "Kessel Bank | sell | shares"),
        "{got:?}"
    );
    assert!(!got.iter().any(|f| f.contains("| sell at |")), "{got:?}");
    assert!(
        got.iter().any(|f| f.ends_with("| move to | Paris")),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|f| f == "Ana Ruiz | express support for | new plan"),
        "{got:?}"
    );
}

/// "did not buy Kessel Bank just to close it": a focus word on a purpose or
/// reason puts the denial on that reason; the act itself is taken for
/// granted and stated without "NOT". A plain denial stays one.
#[test]
fn a_denied_reason_is_no_denied_act() {
    let doc = extract(
        "Vantor Corp did not buy Kessel Bank just to close it. Tom Reyes did not sign the contract.",
    );
    let negated = |relation: &str| {
        doc.facts
            .iter()
            .find(|f| f.relation == relation)
            .map(|f| f.negated)
            .unwrap_or_else(|| panic!("{relation}: {:?}", facts(&doc)))
    };
    assert!(!negated("buy"));
    assert!(negated("sign"));
}

/// "prices were cut by 10 pct": after a passive's "by", an amount says how
/// much and is no agent; a name or a count of people is one ("bought by
/// Vantor Corp", "backed by 120 members of the council").
#[test]
fn an_amount_after_a_passive_by_is_no_agent() {
    let got = facts(&extract(
        "Prices of crops were cut by 10 pct, Kessel Bank said. \
         The mill was bought by Vantor Corp on Monday.",
    ));
    assert!(!got.iter().any(|f| f.starts_with("10 pct")), "{got:?}");
    assert!(
        got.iter().any(|f| f == "Vantor Corp | buy | mill"),
        "{got:?}"
    );
}

/// Roles read off the title before a name: a rank makes another role of
/// the same kind ("Undersecretary of State", "deputy governor"); a
/// description between commas after a titled name is about the name (the
/// parser joins it to the title as a conjunct); a place that ends a longer
/// name ("the Bank of Norway's") is part of that name, not the title's
/// country.
#[test]
fn titles_with_ranks_descriptions_and_named_bodies() {
    let got = facts(&extract(
        "Council leader Ola Lind, a key Tom Reyes ally, said the plan had failed. \
         US Undersecretary of State Jan Brandt met British officials in London. \
         The Bank of Norway's deputy governor Mark Hale told the committee that rates would stay.",
    ));
    for want in [
        "Ola Lind | ally of | Tom Reyes",
        "Jan Brandt | undersecretary of state of | United States",
        "Mark Hale | deputy governor of | Bank of Norway",
    ] {
        assert!(got.iter().any(|f| f == want), "{want} not in {got:?}");
    }
    assert!(
        !got.iter()
            .any(|f| f == "Mark Hale | deputy governor of | Norway"),
        "{got:?}"
    );
}

/// Members of parliaments are roles in their party ("Labour MP Ana Ruiz");
/// a party whose name ends in a member's word ("Liberal Democrat") is the
/// body of the title after it; and a country's long form keeps its place
/// before a title ("Republic of Ireland manager"), unlike a body named after
/// a place ("the Bank of Norway's governor").
#[test]
fn members_of_parliament_party_spokesmen_and_long_country_names() {
    let got = facts(&extract(
        "Labour MP Ana Ruiz said the bill was flawed. \
         Liberal Democrat transport spokesman Ola Lind called it a mistake. \
         Republic of Ireland manager Tom Reyes was pleased.",
    ));
    for want in [
        "Ana Ruiz | mp of | Labour Party",
        "Ola Lind | transport spokesman of | Liberal Democrats",
        "Tom Reyes | manager of | Ireland",
    ] {
        assert!(got.iter().any(|f| f == want), "{want} not in {got:?}");
    }
}

/// After a verb of expecting or wanting, the object is the subject of the
/// infinitive after it: a one-word predicate joins the relation ("expect to
/// be lower" net income, as "urge to resign" someone), a description after
/// "to be" leaves the verb with nothing it states, and the clause's words
/// stay out of the object's label.
#[test]
fn the_object_of_a_verb_of_expecting_is_the_subject_of_its_infinitive() {
    let got = facts(&extract(
        "Kessel Corp expects net income to be lower this year. \
         The Vexa council wants the new harbour tax to pass. \
         Vantor Corp considers the plan to be one of the worst ideas.",
    ));
    for want in [
        "Kessel Corp | expect to be lower | net income",
        "Vexa council | want to pass | new harbour tax",
    ] {
        assert!(got.iter().any(|f| f == want), "{want} not in {got:?}");
    }
    assert!(
        !got.iter()
            .any(|f| f.contains("| expect | net income") || f.contains("| consider | plan")),
        "{got:?}"
    );
}

/// "told Reuters": the press is the audience of what was said, as "told
/// reporters" is; what was told stays.
#[test]
fn the_press_is_the_audience_of_a_speech() {
    let got = facts(&extract(
        "Kessel Corp told Reuters it would sell the mill. Ola Lind told BBC News she had resigned.",
    ));
    for gone in ["Kessel Corp | tell | Reuters", "Ola Lind | tell | BBC News"] {
        assert!(!got.iter().any(|f| f == gone), "{gone} in {got:?}");
    }
    assert!(
        got.iter().any(|f| f == "Kessel Corp | sell | mill"),
        "{got:?}"
    );
}

/// A spokesperson speaks for the organisation named with the noun ("a
/// Vantor spokesman", "a spokeswoman for Vantor"): what they say is the
/// organisation's statement. A named spokesperson says it themselves, and
/// only verbs of saying change: "a Vantor spokesman resigned" is no act of
/// Vantor's.
#[test]
fn a_spokesperson_speaks_for_the_organisation() {
    for text in [
        "A Kessel Group spokesman said the company closed the plant in Ohio.",
        "A spokeswoman for the Kessel Group said the company closed the plant in Ohio.",
        "Kessel Group's spokesperson said the company closed the plant in Ohio.",
    ] {
        let got = facts(&extract(text));
        assert!(
            got.iter()
                .any(|f| f.starts_with("Kessel Group | say | <statement>")),
            "{text}: {got:?}"
        );
    }
    let got = facts(&extract(
        "Kessel Group spokesman Jan Brandt said the company closed the plant in Ohio.",
    ));
    assert!(
        got.iter().any(|f| f.starts_with("Jan Brandt | say |")),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|f| f.starts_with("Kessel Group | say |")),
        "{got:?}"
    );
    let got = facts(&extract(
        "A Kessel Group spokesman resigned the post in March.",
    ));
    assert!(
        !got.iter().any(|f| f.starts_with("Kessel Group |")),
        "{got:?}"
    );
}

/// What someone says may be an adjective after a linking verb ("said
/// prices would stay high"): the statement keeps it, where the same clause
/// on its own says nothing a graph can link ("the mood grew calmer").
#[test]
fn a_said_clause_keeps_its_predicative_adjective() {
    let got = facts(&extract("Jan Brandt said copper prices would stay high."));
    assert!(
        got.iter().any(|f| f == "Jan Brandt | say | <statement>"),
        "{got:?}"
    );
    assert!(
        got.iter().any(|f| f == "copper prices | stay | high"),
        "{got:?}"
    );
    let got = facts(&extract(
        "Jan Brandt left. The mood in Tansford grew calmer.",
    ));
    assert!(!got.iter().any(|f| f.ends_with("| calmer")), "{got:?}");
    // An adjective that frames a verb is not what is said.
    let got = facts(&extract(
        "Jan Brandt said Vantor Corp seemed likely to win the contract.",
    ));
    assert!(!got.iter().any(|f| f.ends_with("| likely")), "{got:?}");
    // Nor one whose adverb the label would lose.
    let got = facts(&extract(
        "Jan Brandt said copper prices would stay less high.",
    ));
    assert!(!got.iter().any(|f| f.ends_with("| high")), "{got:?}");
    // After "be" too; not an adjective whose complement the label would
    // lose ("worth 30 mln dlrs", "lower than expected"), nor one of a lone
    // noun, which does not say which thing it describes ("the plan").
    let got = facts(&extract("Jan Brandt said the new tax plan was unworkable."));
    assert!(
        got.iter().any(|f| f == "new tax plan | be | unworkable"),
        "{got:?}"
    );
    for text in [
        "Jan Brandt said the unit was worth 30 mln dlrs.",
        "Jan Brandt said copper sales were lower than expected.",
        "Jan Brandt said the plan was unworkable.",
    ] {
        let got = facts(&extract(text));
        assert!(!got.iter().any(|f| f.contains("| be |")), "{text}: {got:?}");
    }
}

/// A count of things is an object ("cut 300 jobs", "killed 12 people"); an
/// amount, a share or a span of time is not ("rose 3 dlrs", "bought 5 pct
/// of", "waited two weeks").
#[test]
fn a_count_of_things_is_an_object() {
    let got = facts(&extract(
        "Vantor Corp cut 300 jobs in March.\n\nVantor Corp shares rose 3 dlrs.\n\nVantor Corp waited two weeks.",
    ));
    assert!(
        got.iter().any(|f| f == "Vantor Corp | cut | 300 jobs"),
        "{got:?}"
    );
    assert!(!got.iter().any(|f| f.ends_with("| 3 dlrs")), "{got:?}");
    assert!(!got.iter().any(|f| f.ends_with("| two weeks")), "{got:?}");
}

/// "was unable to pay", "was not able to pay", "was unwilling to pay":
/// the adjective denies the event, which is negated, not a possibility.
#[test]
fn inability_negates_the_event() {
    for text in [
        "The Vantor Group was unable to pay its debts.",
        "The Vantor Group was not able to pay its debts.",
        "The Vantor Group was unwilling to pay its debts.",
        "The Vantor Group is loath to pay its debts.",
    ] {
        let doc = extract(text);
        let pay: Vec<_> = doc.facts.iter().filter(|f| f.relation == "pay").collect();
        assert!(!pay.is_empty(), "{text}: {:?}", facts(&doc));
        assert!(pay.iter().all(|f| f.negated), "{text}: {:?}", facts(&doc));
    }
    // Able and not denied: no negation.
    let doc = extract("The Vantor Group was able to pay its debts.");
    assert!(doc.facts.iter().all(|f| !f.negated), "{:?}", facts(&doc));
}

/// A hyphenated number or word that heads its phrase stays whole:
/// "Forty-three per cent", whose "three" the parser hangs on "Forty", and
/// "a two-for-one split".
#[test]
fn a_hyphenated_word_that_heads_its_phrase_stays_whole() {
    let doc = extract("Forty-three per cent thought Ana Ruiz had done a good job.");
    let holders: Vec<String> = doc
        .facts
        .iter()
        .filter_map(|f| f.attributed_to.as_ref())
        .map(|a| match a {
            Argument::Entity(e) => doc.entities[*e].label.clone(),
            Argument::Concept { label, .. } => label.clone(),
            Argument::Statement(_) | Argument::Absent => String::new(),
        })
        .collect();
    assert!(
        holders.iter().any(|h| h == "Forty-three per cent"),
        "{holders:?}"
    );
    let got = facts(&extract(
        "The Kessel Group approved a four-for-one share split.",
    ));
    assert!(
        got.iter()
            .any(|f| f.ends_with("| four-for-one share split")),
        "{got:?}"
    );
}

/// "found Brandt to be a tough opponent": what was found is the whole
/// clause; no one found Brandt, and "a tough opponent" was not found.
#[test]
fn a_judging_verb_with_an_infinitive_is_no_fact_about_its_object() {
    let got = facts(&extract(
        "Ana Ruiz found Jan Brandt to be a difficult opponent.",
    ));
    assert!(!got.iter().any(|f| f.contains("| find |")), "{got:?}");
}

/// Press formulas and tautologies say nothing about their subject: "was
/// not available for comment", "his views were his personal views".
#[test]
fn press_formulas_and_tautologies_make_no_facts() {
    for text in [
        "Vexa Media was not immediately available for comment.",
        "A Vantor spokesman could not be reached for comment.",
        "Mark Hale stressed that his views were his personal views.",
    ] {
        let got = facts(&extract(text));
        assert!(
            !got.iter()
                .any(|f| f.ends_with("| comment") || f.contains("views | be")),
            "{text}: {got:?}"
        );
    }
}

/// "set its sights on": "sights" is part of the predicate, not a thing set.
#[test]
fn sights_are_part_of_the_predicate() {
    let got = facts(&extract("Jan Brandt set his sights on the Harlow title."));
    assert!(
        got.iter()
            .any(|f| f.starts_with("Jan Brandt | set sights on |")),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|f| f == "Jan Brandt | set | sights"),
        "{got:?}"
    );
}

/// "Kessel Group president Ana Ruiz criticised": a body's name, a title and
/// a name with nothing between them are one phrase, whatever the parser
/// joins them with, and only the person acts.
#[test]
fn a_body_before_a_titled_name_does_not_act_with_it() {
    let got = facts(&extract(
        "Kessel Group president Ana Ruiz criticised the new tariffs on Monday.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Ana Ruiz | criticise | new tariffs"),
        "{got:?}"
    );
    assert!(
        !got.iter()
            .any(|f| f.starts_with("Kessel Group | criticise")),
        "{got:?}"
    );
    let got = facts(&extract(
        "Vantor Corp and the Kessel Group criticised the new tariffs.",
    ));
    assert!(
        got.iter()
            .any(|f| f.starts_with("Kessel Group | criticise")),
        "{got:?}"
    );
}

/// "distanced itself from the bill": the reflexive object is the subject
/// again and belongs to the predicate; the bill is the participant.
#[test]
fn a_reflexive_object_leaves_the_prepositional_argument() {
    let got = facts(&extract("Vantor Corp has distanced itself from the bill."));
    assert!(
        got.iter()
            .any(|f| f == "Vantor Corp | distance from | bill"),
        "{got:?}"
    );
}

/// "was praised at the summit by Norway": the parser hangs the `by`
/// phrase on the phrase before it; it is still the passive's agent.
#[test]
fn a_passive_agent_after_another_phrase_is_the_agent() {
    let got = facts(&extract(
        "The deal was praised at the summit by the Vantor Group.",
    ));
    assert!(
        got.iter().any(|f| f == "Vantor Group | praise | deal"),
        "{got:?}"
    );
    // After "with", "by" names an author, not an agent.
    let got = facts(&extract(
        "Jan Brandt was impressed with the book by Ana Ruiz.",
    ));
    assert!(!got.iter().any(|f| f.starts_with("Ana Ruiz |")), "{got:?}");
}

/// "agreed to be acquired by Kessel": the subject agreed; the agent of the
/// inner passive agreed to nothing.
#[test]
fn a_passive_inside_a_chain_keeps_its_subject() {
    let got = facts(&extract(
        "Vantor Corp agreed to be acquired by Kessel Bank.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Vantor Corp | agree to be acquired by | Kessel Bank"),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|f| f.starts_with("Kessel Bank |")),
        "{got:?}"
    );
    // A passive of hearsay shows no verb of its own: the agent acts.
    let got = facts(&extract("Vantor Corp is said to be backed by Kessel Bank."));
    assert!(
        got.iter().any(|f| f == "Kessel Bank | back | Vantor Corp"),
        "{got:?}"
    );
}

/// "pressed for the tariff to be dropped": after "for" the infinitive is
/// the phrase's own clause, not a purpose.
#[test]
fn a_for_phrase_keeps_its_infinitive() {
    let got = facts(&extract("Ana Ruiz pressed for the tariff to be dropped."));
    assert!(
        got.iter()
            .any(|f| f == "Ana Ruiz | press for | tariff to be dropped"),
        "{got:?}"
    );
}

/// "Vantor Corp last week appointed": the parser makes the name a compound
/// of "week" and leaves the verb without a subject; the name is the
/// subject.
#[test]
fn a_name_before_a_time_phrase_is_the_subject() {
    let got = facts(&extract(
        "Vantor Corp last week appointed Kessel Bank as its adviser.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Vantor Corp | appoint as adviser | Kessel Bank"),
        "{got:?}"
    );
}

/// "“When X ..., Y ...,” she said": a clause opened by "when", "since" or
/// "because" is no content of the verb of saying, even where the parser
/// makes it the quote's head.
#[test]
fn a_subordinate_clause_is_not_what_was_said() {
    let got = facts(&extract(
        "\"Since the days when Vantor ruled the phone market, its sales have \
         been on a slow slide,\" Jan Brandt said.",
    ));
    assert!(
        !got.iter().any(|f| f.starts_with("Jan Brandt | say |")),
        "{got:?}"
    );
}

/// "keen for people to use the phones": the people use them; "keen" has
/// no "for" argument.
#[test]
fn an_infinitive_after_for_has_that_subject() {
    let got = facts(&extract(
        "Vantor Corp is keen for Kessel Bank to sell the plant.",
    ));
    assert!(
        got.iter().any(|f| f == "Kessel Bank | sell | plant"),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|f| f.starts_with("Vantor Corp |")),
        "{got:?}"
    );
}

/// How things look or seem is no fact, nor what must be done: "it looks
/// like X did Y", "it seems X did Y", "X appears to have done Y", "X needs
/// to do Y" and "X has to do Y" are Possible.
#[test]
fn appearances_are_possible() {
    for text in [
        "It looks more like Vantor Corp dug out a design from the 1980s.",
        "It seems Vantor Corp sold the plant.",
        "Vantor Corp appears to have sold the plant.",
        "Vantor Corp needs to repay the Kessel loan.",
        "Vantor Corp has to repay the Kessel loan.",
    ] {
        let doc = extract(text);
        assert!(!doc.facts.is_empty(), "{text}");
        assert!(
            doc.facts.iter().all(|f| f.modality == Modality::Possible),
            "{text}: {:?}",
            facts(&doc)
        );
    }
}

/// "Not one of these systems has stopped piracy": none has.
#[test]
fn not_one_denies_the_predicate() {
    let doc =
        extract("\"Not one of the Vantor systems has ever stopped the attacks,\" Ana Ruiz said.");
    let stop: Vec<_> = doc
        .facts
        .iter()
        .filter(|f| f.relation.contains("stop"))
        .collect();
    assert!(!stop.is_empty(), "{:?}", facts(&doc));
    assert!(stop.iter().all(|f| f.negated), "{:?}", facts(&doc));
}

/// "rarely", "seldom" and "no longer" deny the predicate as a rule or from
/// now on; a "no longer" of a later clause the parser hung on the verb
/// does not.
#[test]
fn rarely_and_no_longer_deny() {
    for text in [
        "Vantor Corp no longer owns the Tansford plant.",
        "Vantor Corp seldom pays its bills to Kessel Bank.",
    ] {
        let doc = extract(text);
        assert!(!doc.facts.is_empty(), "{text}");
        assert!(
            doc.facts.iter().all(|f| f.negated),
            "{text}: {:?}",
            facts(&doc)
        );
    }
}

/// "the Vantor Group, for which Brandt worked": the relative pronoun
/// after its preposition stands for the antecedent.
#[test]
fn a_relative_pronoun_after_a_preposition_is_its_antecedent() {
    let got = facts(&extract(
        "The Vantor Group, for which Jan Brandt worked for years, collapsed.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Jan Brandt | work for | Vantor Group"),
        "{got:?}"
    );
    let got = facts(&extract(
        "Trades are cleared via Kessel Clearing, in which Vantor Corp has a quarter stake.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Vantor Corp | have stake in | Kessel Clearing"),
        "{got:?}"
    );
}

/// An apposition's role keeps the words that make it another office
/// ("vice president", "vice-president", "deputy governor"); a nickname
/// after "known as" is no role.
#[test]
fn a_role_keeps_its_office_words_and_a_nickname_is_no_role() {
    let got = facts(&extract(
        "Jan Brandt, vice president of the Vantor Group, left.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Jan Brandt | vice president of | Vantor Group"),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|f| f.contains("| president of |")),
        "{got:?}"
    );
    let got = facts(&extract(
        "Ana Ruiz, known as Duke of the Fens, wrote a book about her farm.",
    ));
    assert!(!got.iter().any(|f| f.contains("duke")), "{got:?}");
}

/// A role after a copula keeps its office words as an apposition's does
/// ("was vice president", "is the deputy governor"), and a portfolio in
/// its "of" phrase gives way to the body named after "at"; a thing's "part
/// of" a plan at a place is no part of the place.
#[test]
fn a_role_after_a_copula_keeps_its_office_words_and_its_body() {
    let got = facts(&extract(
        "Jan Brandt was vice president of marketing at Vantor Corp until May.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Jan Brandt | vice president of | Vantor Corp"),
        "{got:?}"
    );
    assert!(!got.iter().any(|f| f.contains("marketing")), "{got:?}");
    let got = facts(&extract("Ola Lind is the deputy governor of Harlow."));
    assert!(
        got.iter()
            .any(|f| f == "Ola Lind | deputy governor of | Harlow"),
        "{got:?}"
    );
    let got = facts(&extract(
        "Kessel Corp said the outlay is part of a larger program at Tansford.",
    ));
    assert!(!got.iter().any(|f| f.contains("of | Tansford")), "{got:?}");
}

/// A business named only by its kind ("the Japanese firm", "the rating
/// agency") is no one a reader can place: its act leaves the graph, what
/// it said stays; a country's own agency still acts.
#[test]
fn a_business_named_only_by_its_kind_does_not_act() {
    let got = facts(&extract(
        "The Japanese firm raised its bid for Harlow Mining on Monday.",
    ));
    assert!(!got.iter().any(|f| f.contains("raise")), "{got:?}");
    let got = facts(&extract(
        "The rating agency said Vantor Corp would post a loss this year.",
    ));
    assert!(
        !got.iter().any(|f| f.starts_with("rating agency |")),
        "{got:?}"
    );
    assert!(
        got.iter().any(|f| f.starts_with("Vantor Corp | post |")),
        "{got:?}"
    );
    let got = facts(&extract(
        "The French statistics agency revised its growth figures on Friday.",
    ));
    assert!(got.iter().any(|f| f.contains("| revise |")), "{got:?}");
}

/// A number keeps the words that bound or round it ("less than 200
/// employees" is not "200 employees").
#[test]
fn a_number_keeps_its_bound() {
    let got = facts(&extract("Vantor Corp has less than 200 employees."));
    assert!(
        got.iter()
            .any(|f| f == "Vantor Corp | have | less than 200 employees"),
        "{got:?}"
    );
    let got = facts(&extract("Kessel Corp will cut about 300 jobs in Harlow."));
    assert!(
        got.iter().any(|f| f.contains("| about 300 jobs")),
        "{got:?}"
    );
}

/// "between A and B" is one thing (a range, a meeting): no label keeps
/// one side alone.
#[test]
fn between_keeps_both_sides() {
    let got = facts(&extract(
        "Vantor Inc welcomed the talks between Kessel Corp and Harlow Mining.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Vantor Inc | welcome | talks between Kessel Corp and Harlow Mining"),
        "{got:?}"
    );
    let got = facts(&extract(
        "Kessel Corp expects a profit of between 5 mln and 6 mln dlrs.",
    ));
    assert!(!got.iter().any(|f| f.ends_with("of 5 mln")), "{got:?}");
}

/// A role set beside a person's name ("the governor of Harlow, Ann
/// Baker,", "the firm's chief executive, Ola Lind,") is that person, who
/// acts.
#[test]
fn a_role_with_a_name_in_apposition_is_the_person() {
    let got = facts(&extract(
        "The firm's chief executive, Ola Lind, said Vantor Corp would close the plant.",
    ));
    assert!(
        got.iter().any(|f| f.starts_with("Ola Lind | say |")),
        "{got:?}"
    );
    let got = facts(&extract(
        "The governor of Harlow, Ann Baker, signed the bill on Monday.",
    ));
    assert!(
        got.iter().any(|f| f == "Ann Baker | sign | bill"),
        "{got:?}"
    );
    // A tie to someone is the person named beside it; the "of" phrase of
    // a tie is the other party, not who acts.
    let got = facts(&extract(
        "Ana Ruiz's husband, Jan Brandt, bought the Harlow plant in May.",
    ));
    assert!(
        got.iter().any(|f| f == "Jan Brandt | buy | Harlow plant"),
        "{got:?}"
    );
    let got = facts(&extract(
        "The son of actress Ana Ruiz, he wrote the song Harlow Nights.",
    ));
    assert!(
        !got.iter().any(|f| f.starts_with("Ana Ruiz | write")),
        "{got:?}"
    );
}

/// "the first firm to offer shares": after "first", "last" or "only" the
/// noun keeps its infinitive.
#[test]
fn an_ordinal_noun_keeps_its_infinitive() {
    let got = facts(&extract(
        "Kessel Corp was the first shipping line to list its shares in Oslo.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Kessel Corp | be | first shipping line to list shares"),
        "{got:?}"
    );
}

/// People in general ("gives people more control", "persuaded others to
/// join") are no one a graph can hold; a counted group is someone.
#[test]
fn people_in_general_are_no_object() {
    let got = facts(&extract(
        "The Vexa player gives people more control over their music.",
    ));
    assert!(!got.iter().any(|f| f.ends_with("| people")), "{got:?}");
    let got = facts(&extract("Vantor Corp employs 2,700 people."));
    assert!(got.iter().any(|f| f.ends_with("| 2,700 people")), "{got:?}");
}

/// "gave Brandt a watch": the first of two objects receives the second,
/// "give gold watch to" Brandt; "give" Brandt would make him the thing
/// given, "give to" Brandt would say nothing of what, and "give" a gold
/// watch besides would repeat the sentence. A thing given too long for a
/// relation keeps its own fact, and the recipient makes none.
#[test]
fn the_first_of_two_objects_is_the_recipient() {
    let got = facts(&extract("Ana Ruiz gave Jan Brandt a gold watch."));
    assert!(
        got.iter()
            .any(|f| f == "Ana Ruiz | give gold watch to | Jan Brandt"),
        "{got:?}"
    );
    assert!(
        !got.iter()
            .any(|f| f == "Ana Ruiz | give | Jan Brandt" || f == "Ana Ruiz | give | gold watch"),
        "{got:?}"
    );
    let got = facts(&extract("Ana Ruiz gave Jan Brandt a large new gold watch."));
    assert!(!got.iter().any(|f| f.ends_with("| Jan Brandt")), "{got:?}");
}

/// "…, vice president at Kessel Bank's consumer unit": the possessor is the
/// body the role is held in.
#[test]
fn a_role_at_a_possessor_s_unit_is_held_in_the_possessor() {
    let got = facts(&extract(
        "\"It works,\" said Jan Brandt, corporate vice president at Kessel Bank's consumer unit.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Jan Brandt | vice president of | Kessel Bank"),
        "{got:?}"
    );
}

/// "told reporters the report disclosed errors and said ...": the second
/// verb of saying continues the speaker's sentence, so the speaker says
/// it, not the report whose clause the parser joined it to.
#[test]
fn a_second_verb_of_saying_is_the_speaker_s() {
    let got = facts(&extract(
        "Ana Ruiz told reporters the audit disclosed serious errors and said the managers should step aside.",
    ));
    assert!(
        got.iter().any(|f| f == "Ana Ruiz | say | <statement>"),
        "{got:?}"
    );
    assert!(!got.iter().any(|f| f.starts_with("audit | say")), "{got:?}");
    // So does a participle of saying after the reported clause.
    let got = facts(&extract(
        "Ana Ruiz said the audit found serious errors, adding that the managers should resign.",
    ));
    assert!(
        got.iter().any(|f| f == "Ana Ruiz | add | <statement>"),
        "{got:?}"
    );
}

/// A government named by its leader ("the Kessel administration") is an
/// organisation that acts, headed by that person; a name going on after
/// the noun ("the Lind government Pension Fund") is no such government.
#[test]
fn a_government_named_by_its_leader() {
    let got = facts(&extract(
        "Jan Kessel won the election in May. The Kessel administration said it would appeal the ruling.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Jan Kessel | head of | Kessel administration"),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|f| f == "Kessel administration | appeal | ruling"),
        "{got:?}"
    );
    let got = facts(&extract(
        "Ola Lind spoke on Monday. The Lind government Pension Fund sold its shares.",
    ));
    assert!(!got.iter().any(|f| f.contains("head of")), "{got:?}");
}

/// What a speaker says may be a verb with no object ("said the talks had
/// broken down"): the statement links to a fact with no object, which is
/// what was said only, never an edge of its own. A verb whose object the
/// parse lost or left to a clause ("said it would examine whether ...")
/// and such a clause on its own make no such fact.
#[test]
fn a_statement_links_to_a_fact_with_no_object() {
    let doc = extract(
        "Ana Ruiz said the Tansford talks had broken down. The Harlow talks failed. \
         Jan Brandt said prices would rise sharply next year.",
    );
    let said = |relation: &str| {
        doc.facts.iter().any(|f| {
            f.relation == "say"
                && matches!(f.object, Argument::Statement(i)
                    if doc.facts[i].relation == relation && doc.facts[i].object == Argument::Absent)
        })
    };
    assert!(said("break down"), "{:?}", facts(&doc));
    assert!(said("rise sharply"), "{:?}", facts(&doc));
    assert!(
        !doc.facts.iter().any(|f| f.relation == "fail"),
        "{:?}",
        facts(&doc)
    );
    // Every fact with no object is what a statement says.
    for (i, f) in doc.facts.iter().enumerate() {
        if f.object == Argument::Absent {
            assert!(
                doc.facts.iter().any(|s| s.object == Argument::Statement(i)),
                "{:?}",
                facts(&doc)
            );
        }
    }
    let got = facts(&extract(
        "Kessel Corp said it would examine whether the plant could reopen.",
    ));
    assert!(
        !got.iter()
            .any(|f| f.ends_with("| <none>") && f.contains("examine")),
        "{got:?}"
    );
}

/// What a speaker says may be a chain ("said Vantor planned to sell the
/// plant") or a passive with its purpose ("said the levies are needed to
/// fund the port": "be needed to fund"): the statement links to the
/// chain's fact.
#[test]
fn a_statement_links_to_a_chain_s_fact() {
    let doc = extract("Jan Brandt said Vantor Corp planned to sell the plant.");
    assert!(
        doc.facts.iter().any(|f| f.relation == "say"
            && matches!(f.object, Argument::Statement(i) if doc.facts[i].relation == "plan to sell")),
        "{:?}",
        facts(&doc)
    );
    let got = facts(&extract(
        "Ana Ruiz says the new levies are needed to fund the Tansford port.",
    ));
    assert!(
        got.iter()
            .any(|f| f.starts_with("new levies | be needed to fund |")),
        "{got:?}"
    );
}

/// A capitalised word right before its number is one name with it
/// ("Chapter 11 protection", "the April 17 deadline"), whatever the parser
/// hangs it on.
#[test]
fn a_word_before_its_number_stays_in_the_label() {
    let got = facts(&extract(
        "Vantor Corp missed the April 17 deadline for its Kessel bid.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Vantor Corp | miss | April 17 deadline"),
        "{got:?}"
    );
}

/// A name that holds "and" is one name in a label: coordination splits a
/// phrase into one fact per conjunct only between names.
#[test]
fn a_name_with_and_inside_stays_whole_in_labels() {
    let got = facts(&extract(
        "Vantor filed a complaint with the Harbour and Canal Authority.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Vantor | file | complaint with Harbour and Canal Authority"),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|f| f.ends_with("complaint with Harbour")),
        "{got:?}"
    );
    let got = facts(&extract(
        "Ana Ruiz praised the leadership of both Jan Brandt and Ola Lind.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Ana Ruiz | praise | leadership of Jan Brandt"),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|f| f == "Ana Ruiz | praise | leadership of Ola Lind"),
        "{got:?}"
    );
}

/// What "rather than" or "instead of" sets aside did not happen.
#[test]
fn the_alternative_set_aside_is_no_participant() {
    let got = facts(&extract(
        "Ana Ruiz wants to buy a new car rather than a house.",
    ));
    assert!(
        got.iter().any(|f| f == "Ana Ruiz | want to buy | new car"),
        "{got:?}"
    );
    assert!(!got.iter().any(|f| f.ends_with("| house")), "{got:?}");
    let got = facts(&extract("Kessel bought Vantor instead of Harlow Bank."));
    assert!(got.iter().any(|f| f == "Kessel | buy | Vantor"), "{got:?}");
    assert!(!got.iter().any(|f| f.contains("Harlow")), "{got:?}");
}

/// "not necessarily" and "not always" hedge; "has yet to" denies.
#[test]
fn hedged_and_pending_events() {
    let doc = extract(
        "Vantor Corp does not always pay its suppliers. Kessel Corp has yet to explain the loss.",
    );
    let pay = doc
        .facts
        .iter()
        .find(|f| f.relation == "pay")
        .unwrap_or_else(|| panic!("{:?}", facts(&doc)));
    assert!(
        !pay.negated && pay.modality == Modality::Possible,
        "{pay:?}"
    );
    let explain = doc
        .facts
        .iter()
        .find(|f| f.relation == "explain")
        .unwrap_or_else(|| panic!("{:?}", facts(&doc)));
    assert!(
        explain.negated && explain.modality == Modality::Asserted,
        "{explain:?}"
    );
}

/// A clause on a noun that "no" denies says what nothing did.
#[test]
fn a_participle_of_a_denied_noun_is_denied() {
    let doc = extract("Vantor Corp issued no statement confirming the deal.");
    let confirm = doc
        .facts
        .iter()
        .find(|f| f.relation == "confirm")
        .unwrap_or_else(|| panic!("{:?}", facts(&doc)));
    assert!(confirm.negated, "{confirm:?}");
    let doc = extract("Vantor Corp issued a statement confirming the deal.");
    assert!(
        doc.facts
            .iter()
            .any(|f| f.relation == "confirm" && !f.negated),
        "{:?}",
        facts(&doc)
    );
}

/// A verb capitalised inside a sentence is a word of a title it names.
#[test]
fn a_title_that_holds_a_verb_states_nothing() {
    let got = facts(&extract(
        "Ana Ruiz sang When a Man Loves a Woman at the Harlow show.",
    ));
    assert!(!got.iter().any(|f| f.contains("| love |")), "{got:?}");
    // After an abbreviation's period a wire may capitalise the verb.
    let got = facts(&extract("The U.S. Imposed tariffs on Kessel Corp imports."));
    assert!(
        got.iter()
            .any(|f| f == "United States | impose tariffs on | Kessel Corp imports"),
        "{got:?}"
    );
}

/// "cautioned that more tests were needed", "the Vantor Bank (VB) has said":
/// what a speaker cautions is the speaker's, and a speaker whose short name
/// stands in brackets before "has said" is still the speaker.
#[test]
fn a_caution_and_a_bracketed_speaker_are_reported() {
    let doc = extract(
        "However, chief executive Jan Brandt cautioned that more evaluation was needed at the site.",
    );
    let needed = doc
        .facts
        .iter()
        .find(|f| f.relation.starts_with("be needed"))
        .unwrap_or_else(|| panic!("{:?}", facts(&doc)));
    assert_ne!(needed.modality, Modality::Asserted);
    let doc = extract(
        "Vantor Corp could close two mills because of the floods, \
         the Harlow Development Bank (HDB) has said.",
    );
    let close = doc
        .facts
        .iter()
        .find(|f| f.relation == "close")
        .unwrap_or_else(|| panic!("{:?}", facts(&doc)));
    let speaker = close.attributed_to.as_ref().map(|a| match a {
        newskg_extract::Argument::Entity(e) => doc.entities[*e].label.as_str(),
        _ => "",
    });
    assert_eq!(
        speaker,
        Some("Harlow Development Bank"),
        "{:?}",
        facts(&doc)
    );
}

/// "Brandt and Ruiz accused each other": each accuses the other; a lone
/// subject with "each other" names nobody and makes no fact.
#[test]
fn each_other_is_the_other_subjects() {
    let got = facts(&extract(
        "Jan Brandt and Ana Ruiz accused each other of lying.",
    ));
    assert!(
        got.iter().any(|f| f == "Jan Brandt | accuse | Ana Ruiz"),
        "{got:?}"
    );
    assert!(
        got.iter().any(|f| f == "Ana Ruiz | accuse | Jan Brandt"),
        "{got:?}"
    );
    assert!(!got.iter().any(|f| f.contains("each other")), "{got:?}");
}

/// A holding keeps what it is a holding in, also after a quantity ("a 20
/// pct stake in Vantor"): "bought a 20 pct stake" names nothing a reader
/// can place. Other nouns that long keep to their own words.
#[test]
fn a_holding_keeps_what_it_is_in() {
    let got = facts(&extract("Kessel bought a 20 pct stake in Vantor."));
    assert!(
        got.iter()
            .any(|f| f == "Kessel | buy | 20 pct stake in Vantor"),
        "{got:?}"
    );
    let got = facts(&extract("Kessel raised its 12 pct interest in Vantor."));
    assert!(
        got.iter()
            .any(|f| f.ends_with("| 12 pct interest in Vantor")),
        "{got:?}"
    );
}

/// "who" after a name opens a relative clause about that name, also when
/// the parser joined its verb to the main verb: the ball is Brandt's to
/// take, not Lind's.
#[test]
fn who_after_a_name_makes_the_name_the_subject() {
    let got = facts(&extract(
        "Lind ran into Ola Brandt, who took the ball away.",
    ));
    assert!(
        got.iter().any(|f| f == "Ola Brandt | take | ball"),
        "{got:?}"
    );
    assert!(!got.iter().any(|f| f.starts_with("Lind | take")), "{got:?}");
}

/// A description after a comma describes the name before it: Harlow
/// Holdings is the firm, and the firm is not a second thing bought.
#[test]
fn a_description_after_a_name_in_a_phrase_is_its_apposition() {
    let got = facts(&extract(
        "Vantor Group bought the shares from Harlow Holdings, a family trust.",
    ));
    assert!(
        !got.iter().any(|f| f == "Vantor Group | buy | family trust"),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|f| f == "Harlow Holdings | be | family trust"),
        "{got:?}"
    );
}

/// "the effort when she scored": a relative adverb says when; the noun is
/// not what the clause's verb acts on.
#[test]
fn a_noun_before_when_is_no_argument_of_its_clause() {
    let got = facts(&extract(
        "There were doubts over Ana Ruiz's effort when she scored in the corner.",
    ));
    assert!(!got.iter().any(|f| f.contains("doubts")), "{got:?}");
}

/// "by any means" is an idiom of degree, not a means.
#[test]
fn by_any_means_is_no_argument() {
    let got = facts(&extract("Ana Ruiz, the coach, is not happy by any means."));
    assert!(!got.iter().any(|f| f.contains("means")), "{got:?}");
}

/// A comparison keeps what it compares with.
#[test]
fn a_comparison_keeps_its_than_phrase() {
    let got = facts(&extract(
        "Kessel Mining owns more mines than Vantor Group, a broker said.",
    ));
    assert!(
        got.iter()
            .any(|f| f.ends_with("| own | more mines than Vantor Group")),
        "{got:?}"
    );
}

/// "people who broke the rules should pay the fines": only the relative
/// clause says which people, so it stays in the label, whole, whatever it
/// coordinates ("people should pay the fines" is not what was said).
#[test]
fn people_keep_the_clause_that_says_which() {
    let doc = extract("Ana Ruiz said people who had broken the rules should pay the fines.");
    let said = doc
        .facts
        .iter()
        .find(|f| f.relation == "pay")
        .unwrap_or_else(|| panic!("{:?}", facts(&doc)));
    assert_eq!(
        said.subject,
        Argument::Concept {
            label: "people who had broken the rules".into(),
            head: "people".into()
        }
    );
    let doc = extract("Ana Ruiz said people who came late and left early should pay a fine.");
    let labels: Vec<String> = doc
        .facts
        .iter()
        .filter_map(|f| match &f.subject {
            Argument::Concept { label, .. } if label.starts_with("people") => Some(label.clone()),
            _ => None,
        })
        .collect();
    assert!(!labels.is_empty(), "{:?}", facts(&doc));
    assert!(
        labels
            .iter()
            .all(|l| l == "people who came late and left early"),
        "{labels:?}"
    );
}

/// "come in for criticism": the adverb before the verb's preposition is
/// the verb's particle; "come for criticism" says another thing.
#[test]
fn a_particle_before_a_preposition_stays_in_the_relation() {
    let got = facts(&extract(
        "Harlow Bank has come in for questions from its investors.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Harlow Bank | come in for | questions from investors"),
        "{got:?}"
    );
}

/// "made an apology to the fans": the bare support noun ("make |
/// apology") repeats the fact that says to whom, so only that one stays.
#[test]
fn a_support_noun_alone_does_not_repeat_its_fuller_reading() {
    let got = facts(&extract(
        "Vantor Group made an apology to the fans after the match.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Vantor Group | make apology to | fans"),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|f| f == "Vantor Group | make | apology"),
        "{got:?}"
    );
}

/// "said it acquired Vantor Group": a participle with no auxiliary is no
/// passive, and the noun phrase after it is what was acquired (the parse
/// had "it" as a passive subject and the name as a bare oblique: "Kessel
/// Corp be acquired Vantor Group", the buyer made the bought).
#[test]
fn a_participle_without_auxiliary_is_active() {
    let got = facts(&extract(
        "Kessel Corp said it acquired Vantor Group for 10 mln dlrs.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Kessel Corp | acquire | Vantor Group"),
        "{got:?}"
    );
    assert!(!got.iter().any(|f| f.contains("be acquired")), "{got:?}");
}

/// Wire copy marks a company's name with angle brackets ("acquired
/// <Vantor 9 Inc> of Ohio"): they are brackets, the name is the object,
/// whole, and no ">" is left in a label.
#[test]
fn a_name_in_angle_brackets_is_whole() {
    let got = facts(&extract(
        "Kessel Corp said it acquired <Vantor 9 Inc> of Ohio for 3 mln dlrs.",
    ));
    assert!(
        got.iter()
            .any(|f| f.starts_with("Kessel Corp | acquire | Vantor 9 Inc")),
        "{got:?}"
    );
    assert!(!got.iter().any(|f| f.contains("Inc>")), "{got:?}");
}

/// "go head-to-head with a rival": the reduplicated compound says how and
/// belongs in the relation, with the phrase the parser hung on its last
/// word; its first word is no object ("go | head").
#[test]
fn a_reduplicated_compound_is_part_of_the_relation() {
    let got = facts(&extract(
        "Jan Brandt will go head-to-head with Ana Ruiz in the final.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Jan Brandt | go head-to-head with | Ana Ruiz"),
        "{got:?}"
    );
    assert!(!got.iter().any(|f| f.ends_with("| head")), "{got:?}");
    // Before its noun it is the noun's: "the day-to-day management".
    let got = facts(&extract(
        "Ana Ruiz took over the day-to-day management of Vantor Group.",
    ));
    assert!(
        got.iter()
            .any(|f| f.starts_with("Ana Ruiz | take") && f.ends_with("management of Vantor Group")),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|f| f.contains("take day-to-day")),
        "{got:?}"
    );
}

/// A clause the parser hangs on the addressee of "told" as a relative
/// clause is what was told: Reported, and the speaker's.
#[test]
fn what_is_told_to_an_addressee_is_reported() {
    let doc = extract("Jan Brandt told the conference the firm had sold its stake in Vantor.");
    let got = facts(&doc);
    assert!(
        got.iter().any(|f| f == "Jan Brandt | tell | <statement>"),
        "{got:?}"
    );
    assert!(
        doc.facts
            .iter()
            .filter(|f| f.relation.starts_with("sell"))
            .all(|f| f.modality != Modality::Asserted),
        "{got:?}"
    );
}

/// A speaker after what is reported, with a modifier after its noun
/// ("a spokesman for Kessel Inc"), says it; the name that ends the
/// reported clause holds no role.
#[test]
fn a_trailing_spokesman_for_a_firm_speaks_for_it() {
    let doc = extract(
        "Vantor Corp lost orders to Harlow and Tansford Mills, a spokesman for Kessel Inc said.",
    );
    let got = facts(&doc);
    assert!(
        got.iter().any(|f| f == "Kessel Inc | say | <statement>"),
        "{got:?}"
    );
    assert!(!got.iter().any(|f| f.contains("spokesman of")), "{got:?}");
}

/// An office held "of" a department, written before the holder's name,
/// is the holder: "Chancellor of the Exchequer Nigel Brandt said" is
/// Brandt's statement.
#[test]
fn the_holder_of_an_office_of_a_department_speaks() {
    let got = facts(&extract(
        "Creditors reached an agreement on the debt, British Chancellor of the Exchequer Nigel Brandt said.",
    ));
    assert!(
        got.iter().any(|f| f == "Nigel Brandt | say | <statement>"),
        "{got:?}"
    );
    let got = facts(&extract(
        "Minister of Industry and Trade Jan Kessel said exports would rise.",
    ));
    assert!(
        got.iter().any(|f| f == "Jan Kessel | say | <statement>"),
        "{got:?}"
    );
}

/// A participle that works as a preposition ("following", "excluding",
/// "pending") says when or what is counted; the clause's subject did not
/// do it. With an auxiliary it is a verb again.
#[test]
fn a_participle_that_works_as_a_preposition_states_nothing() {
    let got = facts(&extract(
        "Jan Brandt resigned from Vantor Corp following his arrest. Kessel Inc halted trading in its shares pending an announcement.",
    ));
    assert!(!got.iter().any(|f| f.contains("| follow |")), "{got:?}");
    assert!(!got.iter().any(|f| f.contains("| pend |")), "{got:?}");
    let got = facts(&extract("Vantor Corp is following a cautious strategy."));
    assert!(
        got.iter()
            .any(|f| f == "Vantor Corp | follow | cautious strategy"),
        "{got:?}"
    );
}

/// A noun whose content is a clause of its own ("an interest in buying",
/// "the fact that ...") says nothing without it: no fact with it as the
/// object. A relative clause or a circumstance leaves the noun whole.
#[test]
fn a_noun_whose_content_is_its_clause_is_no_object() {
    let got = facts(&extract("Vantor Corp has an interest in buying Kessel."));
    assert!(!got.iter().any(|f| f.ends_with("| interest")), "{got:?}");
    let got = facts(&extract(
        "Ana Ruiz hid the fact that she had sold the mill.",
    ));
    assert!(!got.iter().any(|f| f.ends_with("| fact")), "{got:?}");
    assert!(got.iter().any(|f| f == "Ana Ruiz | sell | mill"), "{got:?}");
    let got = facts(&extract("Vantor Corp sold the mill that it bought in May."));
    assert!(
        got.iter().any(|f| f == "Vantor Corp | sell | mill"),
        "{got:?}"
    );
    let got = facts(&extract("Vantor Corp made a comeback after losing Kessel."));
    assert!(
        got.iter().any(|f| f == "Vantor Corp | make | comeback"),
        "{got:?}"
    );
}

/// What speculation, rumours or signs point to is no fact: a "that" clause
/// after such a noun is Possible, also where the parser hung it on the
/// verb before the noun.
#[test]
fn what_a_noun_of_content_says_is_not_asserted() {
    for text in [
        "Kessel shares rose on speculation that Vantor Corp had bought a stake.",
        "There are signs that Vantor Corp has bought a stake.",
    ] {
        let doc = extract(text);
        let bought = doc
            .facts
            .iter()
            .find(|f| f.relation == "buy")
            .unwrap_or_else(|| panic!("{:?}", facts(&doc)));
        assert_eq!(bought.modality, Modality::Possible, "{text}");
    }
}

/// "The board" is the board of a firm named before it, not of one the
/// story names only later.
#[test]
fn the_board_refers_back_not_ahead() {
    let got = facts(&extract(
        "Ana Ruiz told the board that she would resign. Vantor Corp said sales rose.",
    ));
    assert!(!got.iter().any(|f| f.ends_with("| Vantor Corp")), "{got:?}");
}

/// A number keeps the other end of its range or its alternative: "200 to
/// 300 workers" is not "200 workers", "one or two tankers" not one tanker
/// and two tankers.
#[test]
fn a_range_of_numbers_is_one_amount() {
    let got = facts(&extract("Vantor Corp will hire 200 to 300 workers."));
    assert!(
        got.iter()
            .any(|f| f == "Vantor Corp | hire | 200 to 300 workers"),
        "{got:?}"
    );
    let got = facts(&extract(
        "Vantor Corp will charter one or two tankers of crude.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Vantor Corp | charter | one or two tankers of crude"),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|f| f.ends_with("| two tankers of crude")),
        "{got:?}"
    );
}

/// "supplied the mill with coal": with a "with" phrase, the object of a
/// verb of providing is the recipient and the phrase the thing provided.
#[test]
fn a_verb_of_providing_provides_its_with_phrase() {
    let got = facts(&extract(
        "Kessel Steel will supply Tollund Corp with steel pipes.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Kessel Steel | supply steel pipes to | Tollund Corp"),
        "{got:?}"
    );
    assert!(
        !got.iter()
            .any(|f| f == "Kessel Steel | supply | Tollund Corp"),
        "{got:?}"
    );
    // Without a "with" phrase the object is what is provided.
    let got = facts(&extract(
        "Kessel Steel will supply steel pipes to Tollund Corp.",
    ));
    assert!(
        got.iter()
            .any(|f| f.starts_with("Kessel Steel | supply | steel pipes")),
        "{got:?}"
    );
}

/// "regards Tollund as a rival": what a verb of regarding says of its
/// object is its "as" phrase, which joins the relation; "regard" Tollund
/// alone says nothing the text says.
#[test]
fn a_verb_of_regarding_keeps_its_as_phrase() {
    let got = facts(&extract(
        "Kessel Steel regards Tollund Corp as a rival. Ola Lind described the new levies as harsh.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Kessel Steel | regard as rival | Tollund Corp"),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|f| f == "Ola Lind | describe as harsh | new levies"),
        "{got:?}"
    );
    assert!(
        !got.iter()
            .any(|f| f.contains("| regard |") || f.contains("| describe |")),
        "{got:?}"
    );
}

/// "used her visit to press for a share": a noun's infinitive keeps its
/// prepositional complement when it has no object ("to press" alone says
/// another thing), and goes when its complement is a clause.
#[test]
fn a_noun_s_infinitive_keeps_what_completes_it() {
    let got = facts(&extract(
        "Ola Lind used her visit to press for a larger share for Kessel Steel.",
    ));
    assert!(
        got.iter()
            .any(|f| f.starts_with("Ola Lind | use | visit to press for larger share")),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|f| f.ends_with("| visit to press")),
        "{got:?}"
    );
}

/// A wire ticker is the code of the name before it: "<BT>" after a bank's
/// name is that bank, not the phone company the gazetteer knows as BT.
#[test]
fn a_ticker_names_the_company_before_it() {
    let got = facts(&extract(
        "Kessel Trust Co <BT> lifted its lending rate to 6 pct on Friday.",
    ));
    assert!(
        got.iter()
            .any(|f| f.starts_with("Kessel Trust Co | lift | lending rate")),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|f| f.contains("British Telecom")),
        "{got:?}"
    );
}

/// "may sell the mill and is holding talks": a conjunct with an auxiliary
/// of its own is not under the other verb's "may"; one without shares it.
#[test]
fn a_conjunct_with_its_own_auxiliary_keeps_its_own_mood() {
    let doc = extract(
        "Kessel Corp may sell the mill, and is holding talks with two buyers. Vantor Corp may close the plant and sell the land.",
    );
    let modality = |relation: &str| modality_of(&doc, relation);
    assert_eq!(modality("sell"), Modality::Possible);
    assert_eq!(modality("hold"), Modality::Asserted);
    assert_eq!(modality("close"), Modality::Possible);
    assert_eq!(
        doc.facts.iter().filter(|f| f.relation == "sell").count(),
        2,
        "{:?}",
        facts(&doc)
    );
    assert!(doc
        .facts
        .iter()
        .filter(|f| f.relation == "sell")
        .all(|f| f.modality == Modality::Possible));
}

/// "are likely to prove", "is expected to fall": the forecast is kept as the
/// fact's modal, so what a speaker said reads as a forecast, not an event.
#[test]
fn a_forecast_keeps_its_words() {
    let doc = extract(
        "Jan Brandt said tablet sales are likely to prove a weak spot. Ola Lind said the new levy is expected to hurt exporters.",
    );
    let modal = |relation: &str| {
        doc.facts
            .iter()
            .find(|f| f.relation == relation)
            .map(|f| f.modal.clone())
            .unwrap_or_else(|| panic!("{relation}: {:?}", facts(&doc)))
    };
    assert_eq!(modal("prove").as_deref(), Some("likely to"));
    assert_eq!(modal("hurt").as_deref(), Some("expected to"));
}

/// "Former Vantor chairman Jan Brandt": the modifier is the role's, not
/// the company's name, and a role no longer held is no present fact;
/// "Acting Harlow Corp president Ana Ruiz" holds the acting office.
#[test]
fn a_modifier_before_a_company_s_name_is_the_role_s() {
    let got = facts(&extract(
        "Former Vantor chairman Jan Brandt backed the plan. Acting Harlow Corp president Ana Ruiz resigned.",
    ));
    assert!(
        !got.iter()
            .any(|f| f.contains("Former Vantor") || f == "Jan Brandt | chairman of | Vantor"),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|f| f == "Ana Ruiz | acting president of | Harlow Corp"),
        "{got:?}"
    );
}

/// "Tory chancellor Tom Harlow": an office of state held by a party's
/// member is not the party's office; "Labour leader" is.
#[test]
fn a_party_s_member_holds_no_office_of_the_party() {
    let got = facts(&extract(
        "Tory chancellor Tom Harlow backed the plan. Labour leader Ana Ruiz opposed it.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Tom Harlow | member of | Conservative Party"),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|f| f.contains("| chancellor of |")),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|f| f == "Ana Ruiz | leader of | Labour Party"),
        "{got:?}"
    );
}

/// "Mexico's new foreign minister Ana Ruiz", "Norway's first-choice
/// striker Ola Lind": words that say which or when between a country's
/// possessive and the title leave the country the title's; a role
/// modifier among them stays the role's ("former foreign minister of").
#[test]
fn words_between_a_country_s_possessive_and_a_title_keep_the_country() {
    let got = facts(&extract(
        "Mexico's new foreign minister Ana Ruiz arrived. Norway's first-choice striker Ola Lind scored. Peru's former trade minister Jan Brandt left.",
    ));
    for want in [
        "Ana Ruiz | foreign minister of | Mexico",
        "Ola Lind | striker of | Norway",
        "Jan Brandt | former trade minister of | Peru",
    ] {
        assert!(got.iter().any(|f| f == want), "{want}: {got:?}");
    }
}

/// "the first-choice striker": a modifier written with a hyphen joins the
/// role whole, not cut to its last word ("choice striker").
#[test]
fn a_hyphenated_modifier_joins_the_role_whole() {
    let got = facts(&extract("The first-choice striker Ola Lind scored twice."));
    assert!(
        got.iter()
            .any(|f| f == "Ola Lind | be | first-choice striker"),
        "{got:?}"
    );
}

/// "Vantor Corp named Ana Ruiz chief executive": the person is the one
/// named and the office says to what, never that the company "was named"
/// or that an office was named.
#[test]
fn an_office_a_person_is_named_to_joins_the_relation() {
    let got = facts(&extract(
        "Vantor Corp named Ana Ruiz chief executive. Kessel Inc said it appointed Jan Brandt president. Ola Lind was elected chairman by the Harlow Corp board.",
    ));
    for want in [
        "Vantor Corp | name chief executive | Ana Ruiz",
        "Kessel Inc | appoint president | Jan Brandt",
        "Harlow Corp board | elect chairman | Ola Lind",
    ] {
        assert!(got.iter().any(|f| f == want), "{want}: {got:?}");
    }
    assert!(
        !got.iter()
            .any(|f| f.contains("be named") || f.ends_with("| chief executive")),
        "{got:?}"
    );
}

/// "Vantor director Lord Harlow", "Lord Harlow, a Vantor Corp director,":
/// a courtesy title tells only the gender; the office before it or in the
/// apposition is the role.
#[test]
fn an_office_around_a_courtesy_title_is_the_role() {
    let got = facts(&extract(
        "Kessel Inc director Lord Tollund resigned. Lord Harlow, a Vantor Corp director, said the rules would change.",
    ));
    for want in [
        "Tollund | director of | Kessel Inc",
        "Harlow | director of | Vantor Corp",
    ] {
        assert!(got.iter().any(|f| f == want), "{want}: {got:?}");
    }
}

/// "director-general Sir Jan Brandt": a title that ends a hyphenated word
/// is the whole word, not its last part ("general").
#[test]
fn a_title_ending_a_hyphenated_word_is_the_whole_word() {
    let got = facts(&extract(
        "Vantor Corp director-general Sir Jan Brandt said the plan failed.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Jan Brandt | director-general of | Vantor Corp"),
        "{got:?}"
    );
    assert!(!got.iter().any(|f| f.contains("| be | general")), "{got:?}");
}

/// "We do not think the bank will cut rates": English raises the clause's
/// "not" to a verb of opinion, so what is thought is denied; "never
/// thought" and "could not believe" are no such denials (what was won, was
/// won).
#[test]
fn a_denied_verb_of_opinion_denies_its_clause() {
    let doc = extract(
        "Ana Ruiz said she did not think Vantor Corp would cut prices. Jan Brandt never thought Kessel Inc would win the contract. Ola Lind could not believe Harlow Corp had won the tender.",
    );
    let cut = doc
        .facts
        .iter()
        .find(|f| f.relation == "cut")
        .unwrap_or_else(|| panic!("{:?}", facts(&doc)));
    assert!(cut.negated, "{:?}", facts(&doc));
    // The opinion itself is held: "think" is not denied.
    assert!(
        doc.facts
            .iter()
            .filter(|f| f.relation == "think")
            .any(|f| !f.negated),
        "{:?}",
        facts(&doc)
    );
    assert!(
        doc.facts
            .iter()
            .filter(|f| f.relation == "win")
            .all(|f| !f.negated),
        "{:?}",
        facts(&doc)
    );
}

/// "as long as Kessel pays", "any bill that raises taxes": a condition and
/// a relative clause on "any" state no event.
#[test]
fn a_condition_and_any_s_relative_clause_state_no_event() {
    let doc = extract(
        "Vantor Corp supplies the mill as long as Kessel Inc pays on time. Jan Brandt said he would veto any bill that raises the tax.",
    );
    let supply = doc
        .facts
        .iter()
        .find(|f| f.relation == "supply")
        .unwrap_or_else(|| panic!("{:?}", facts(&doc)));
    assert_eq!(supply.modality, Modality::Possible, "{:?}", facts(&doc));
    assert!(
        !doc.facts.iter().any(|f| f.relation == "raise"),
        "{:?}",
        facts(&doc)
    );
}

/// "postponed action on the Vantor Corp bid": after any verb a content noun
/// ("action", "curbs", "stake") relates the phrase about what it concerns,
/// as after a support verb; a phrase of time or source stays the verb's.
#[test]
fn a_content_noun_relates_the_phrase_it_is_about() {
    let got = facts(&extract(
        "The Federal Reserve Board postponed action on the Vantor Corp application. Kessel Inc eased its curbs on imports from Tollund at the meeting.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Federal Reserve Board | postpone action on | Vantor Corp application"),
        "{got:?}"
    );
    assert!(
        !got.iter()
            .any(|f| f.contains("curbs at") || f.contains("curbs from")),
        "{got:?}"
    );
}

/// "the Far Eastern sugar market": a capitalised adverb before a
/// capitalised modifier is a word of one name, not left out of the label.
#[test]
fn a_capitalised_adverb_of_a_name_stays_in_the_label() {
    let got = facts(&extract("Vantor Corp left the Far Eastern sugar market."));
    assert!(
        got.iter()
            .any(|f| f.ends_with("| Far Eastern sugar market")),
        "{got:?}"
    );
}

/// "forced the bank to cut rates" tells that the bank cut them (an
/// implicative verb); "urged the bank to cut rates" does not.
#[test]
fn what_someone_is_forced_to_do_is_done() {
    let modality = |text: &str| modality_of(&extract(text), "cut");
    assert_eq!(
        modality("Vantor Corp forced Kessel Bank to cut its rates."),
        Modality::Asserted
    );
    assert_eq!(
        modality("Vantor Corp urged Kessel Bank to cut its rates."),
        Modality::Possible
    );
}

/// A past event in a clause of time happened, whatever the clause it is
/// the time of hedges ("could have won when Brandt hit the post"); under a
/// modal of the future or a condition it is yet to come ("would lift the
/// ban when Tollund cut its tariffs").
#[test]
fn a_past_clause_of_time_happened() {
    let modality = |text: &str, relation: &str| modality_of(&extract(text), relation);
    assert_eq!(
        modality(
            "Vantor could have won the cup when Jan Brandt hit the post.",
            "hit"
        ),
        Modality::Asserted
    );
    assert_eq!(
        modality(
            "Ana Ruiz said Vantor would lift the ban when Tollund cut its tariffs.",
            "cut"
        ),
        Modality::Possible
    );
    // "Was the first to", "was quick to": done.
    assert_eq!(
        modality("Ana Ruiz was the first to sign the treaty.", "sign"),
        Modality::Asserted
    );
}

/// "denied ever taking bribes": what is denied is no fact of its own; the
/// denial carries it ("deny take" bribes).
#[test]
fn what_is_denied_is_not_asserted() {
    let got = facts(&extract(
        "Ana Ruiz, who is under investigation, has denied ever taking bribes.",
    ));
    assert!(
        got.iter().any(|f| f == "Ana Ruiz | deny take | bribes"),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|f| f == "Ana Ruiz | take | bribes"),
        "{got:?}"
    );
}

/// "Tollund Planters Bank (TPB) president Ana Ruiz": the body's bracketed
/// acronym before the title does not hide the body the role is held in.
#[test]
fn a_bracketed_acronym_before_a_title_names_its_body() {
    let got = facts(&extract(
        "Tollund Planters Bank (TPB) president Ana Ruiz joined the board.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Ana Ruiz | president of | Tollund Planters Bank"),
        "{got:?}"
    );
}

/// "a wholly owned unit", "the most actively traded stock": the adverbs
/// of a noun's modifier are words of its label ("owned unit" says another
/// thing), and do not make it too long for its complement ("on the
/// exchange").
#[test]
fn a_modifier_keeps_its_adverbs() {
    let got = facts(&extract(
        "Vantor Corp bought a wholly owned unit of Kessel Bank.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Vantor Corp | buy | wholly owned unit of Kessel Bank"),
        "{got:?}"
    );
    let got = facts(&extract(
        "Vantor Corp was the most heavily traded stock on the Oslo market.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Vantor Corp | be | most heavily traded stock on Oslo market"),
        "{got:?}"
    );
}

/// "did not say how much Vantor would pay": an embedded question that asks
/// for what its clause leaves out is no statement ("Vantor would pay" is
/// not what was said); "explained how the plan works" takes its clause as
/// so.
#[test]
fn an_embedded_question_is_no_statement() {
    for text in [
        "Ana Ruiz did not say how much Vantor would pay for Kessel.",
        "Ana Ruiz declined to say what price Vantor would pay.",
    ] {
        let got = facts(&extract(text));
        assert!(!got.iter().any(|f| f.starts_with("Ana Ruiz")), "{got:?}");
    }
    for text in [
        "Ana Ruiz said Vantor would pay for Kessel.",
        // The question word in the subject's label says what is asked.
        "Ana Ruiz did not say how many jobs would be cut.",
    ] {
        let got = facts(&extract(text));
        assert!(
            got.iter().any(|f| f.starts_with("Ana Ruiz | say")),
            "{got:?}"
        );
    }
}

/// "is bigger than", "is the largest of": the degree of the adjective is
/// what the relation says ("be big than" says nothing).
#[test]
fn a_compared_adjective_keeps_its_degree() {
    let got = facts(&extract("Vantor Corp is bigger than Kessel Bank."));
    assert!(
        got.iter()
            .any(|f| f == "Vantor Corp | be bigger than | Kessel Bank"),
        "{got:?}"
    );
}

/// "responded to the letter by closing the plant": an adjunct "-ing"
/// clause of means or time has its verb's subject (not the noun the parser
/// may hang it on); "without" says the event did not happen.
#[test]
fn an_adjunct_gerund_has_its_verbs_subject() {
    let got = facts(&extract(
        "Kessel Bank answered the letter by closing its plant in Tollund.",
    ));
    assert!(
        got.iter().any(|f| f == "Kessel Bank | close | plant"),
        "{got:?}"
    );
    assert!(!got.iter().any(|f| f.starts_with("letter |")), "{got:?}");
    let got = facts(&extract(
        "Jan Brandt left the meeting without signing the deal.",
    ));
    assert!(!got.iter().any(|f| f.contains("| sign")), "{got:?}");
}

/// "announced its intention to stop paying the fees": a noun completed by
/// an infinitive that only stops, starts or tries something keeps the
/// second verb and its object ("announce intention" says nothing).
#[test]
fn a_catenated_infinitive_completes_its_noun() {
    let got = facts(&extract(
        "Vantor announced its intention to stop paying the fees.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Vantor | announce | intention to stop paying fees"),
        "{got:?}"
    );
}

/// "1.51 dlrs a share", "300 barrels per day": an amount keeps the rate it
/// is counted by ("earned 40 cts" of a firm that earned 40 cts a share
/// misstates its profit).
#[test]
fn an_amount_keeps_its_rate() {
    let got = facts(&extract(
        "Kessel Bank said it earned 40 cts per share in the quarter.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Kessel Bank | earn | 40 cts per share"),
        "{got:?}"
    );
}

/// "officials from Norway": a bare noun keeps its "from" phrase, which
/// says which ones.
#[test]
fn a_bare_noun_keeps_its_from_phrase() {
    let got = facts(&extract(
        "Officials from Tollund met the minister on Monday.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Officials from Tollund | meet | minister"),
        "{got:?}"
    );
}

/// "offered home buyers more credit": a second object opened by an
/// adjective is the thing given, the first the recipient.
#[test]
fn a_thing_given_may_open_with_an_adjective() {
    let got = facts(&extract("Kessel Bank offered home buyers more credit."));
    assert!(
        got.iter()
            .any(|f| f == "Kessel Bank | offer more credit to | home buyers"),
        "{got:?}"
    );
}

/// "used the money to buy a plant", "made loans to help farmers": after a
/// verb that controls no object, the infinitive is the subject's purpose;
/// the money buys nothing.
#[test]
fn an_infinitive_after_an_uncontrolling_verbs_object_is_a_purpose() {
    for text in [
        "Vantor used the money to buy a plant in Tollund.",
        "The Kessel banks made loans to help poor farmers.",
    ] {
        let got = facts(&extract(text));
        assert!(
            !got.iter()
                .any(|f| f.starts_with("money |") || f.starts_with("loans |")),
            "{got:?}"
        );
    }
    // "urged the board to sell": the object does it.
    let got = facts(&extract("Vantor urged the Kessel board to sell the plant."));
    assert!(
        got.iter().any(|f| f.starts_with("Kessel board | sell")),
        "{got:?}"
    );
}

/// "discussed building a plant": what is weighed or proposed is a plan,
/// not an event.
#[test]
fn a_contemplated_course_of_action_is_possible() {
    let doc = extract(
        "Last year Vantor and Kessel discussed designing and then building a plant in Tollund.",
    );
    assert_eq!(
        modality_of(&doc, "build"),
        Modality::Possible,
        "{:?}",
        facts(&doc)
    );
}

/// "Chairman Ana Ruiz said": a post within a body, with no body named,
/// makes no role fact ("be chairman" of nothing says nothing); with the
/// body's acronym between commas before the title, the body is found.
#[test]
fn a_post_within_a_body_needs_its_body() {
    let got = facts(&extract("Chairman Ana Ruiz said the rules were adequate."));
    assert!(
        !got.iter().any(|f| f.contains("| be | chairman")),
        "{got:?}"
    );
    let got = facts(&extract(
        "The Tollund Trading Commission, TTC, Chairman Ana Ruiz has said the rules are adequate.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Ana Ruiz | chairman of | Tollund Trading Commission"),
        "{got:?}"
    );
}

/// "it would be easy for Vantor to sell the unit": the infinitive read
/// as the clause's subject is no subject ("sell be easy for Vantor").
#[test]
fn an_extraposed_infinitive_is_no_subject() {
    let got = facts(&extract(
        "Ana Ruiz said it would be easy for Vantor to sell the unit in Tollund.",
    ));
    assert!(
        !got.iter()
            .any(|f| f.starts_with("sell |") || f.contains("| sell be")),
        "{got:?}"
    );
}

/// "Vantor Corp said its board approved the sale": whose board the
/// possessive pronoun says, once coreference knows it; a bare "board"
/// names nothing.
#[test]
fn a_subjects_possessive_pronoun_says_whose() {
    let got = facts(&extract(
        "Vantor Corp said its board approved the sale of the Tollund unit.",
    ));
    assert!(
        got.iter()
            .any(|f| f.starts_with("Vantor Corp's board | approve")),
        "{got:?}"
    );
}

/// "before" or "until" with a present tense puts a coming event in the
/// present: it has not happened ("before the Commons rises", "until the
/// board rules"), so it is Possible; in the past tense it happened.
#[test]
fn a_time_still_to_come_is_not_asserted() {
    let doc = extract("Vantor Corp keeps the plant open until Kessel Inc pays the debt.");
    assert_eq!(modality_of(&doc, "pay"), Modality::Possible);
    let doc = extract("Vantor Corp kept the plant open until Kessel Inc paid the debt.");
    assert_eq!(modality_of(&doc, "pay"), Modality::Asserted);
}

/// "after the union rejected the offer": the parser reads "after the
/// union" as a phrase and the verb as the main clause's conjunct, which
/// gave Vantor the rejection; the union rejects (a bare "union" makes no
/// fact of its own by default).
#[test]
fn the_subject_of_a_time_clause_is_its_own() {
    let doc = extract("Vantor Corp broke off the talks after the union rejected its final offer.");
    let found = facts(&doc);
    assert!(
        !found.iter().any(|f| f.starts_with("Vantor Corp | reject")),
        "{found:?}"
    );
}

/// An adverb the parser hangs after a noun ("18 countries apart from
/// Tollund") modifies the clause: it is no word of the noun's label.
#[test]
fn an_adverb_after_a_noun_is_no_word_of_its_label() {
    let found = facts(&extract(
        "Kessel Airlines operates in 18 countries apart from Tollund.",
    ));
    assert!(
        found.iter().any(|f| f.ends_with("| 18 countries")),
        "{found:?}"
    );
}

/// "is keen to buy", "was unable to pay": an adjective of will or ability
/// before an infinitive is part of the relation, as "plan to" is; a
/// statement of it keeps the adjective ("said Vantor was ready to sell"
/// is no report that Vantor sold). "likely to" only hedges.
#[test]
fn adjectives_of_will_and_ability_join_the_relation() {
    let doc = extract("Vantor Corp is keen to buy the Kessel mill.");
    let got = facts(&doc);
    assert!(
        got.iter()
            .any(|f| f == "Vantor Corp | be keen to buy | Kessel mill"),
        "{got:?}"
    );
    assert_eq!(modality_of(&doc, "be keen to buy"), Modality::Asserted);
    assert!(!got.iter().any(|f| f.contains("| be | keen")), "{got:?}");
    let doc = extract("Ana Ruiz said Harlow Ltd was not ready to sell the plant.");
    let ready = doc
        .facts
        .iter()
        .find(|f| f.relation == "be ready to sell")
        .unwrap_or_else(|| panic!("{:?}", facts(&doc)));
    assert!(ready.negated, "{:?}", facts(&doc));
    let got = facts(&extract("Harlow Ltd is likely to sell the plant."));
    assert!(
        got.iter().any(|f| f == "Harlow Ltd | sell | plant"),
        "{got:?}"
    );
}

/// "hired London-based lawyer Ola Lind", "bought Toronto-based Harlow
/// Ltd": the place says where the one hired or bought is based; it is never
/// hired or bought itself, nor does it "base" anyone.
#[test]
fn a_place_before_based_is_no_participant() {
    let got = facts(&extract(
        "Kessel Corp agreed to buy Toronto-based Harlow Distillers Ltd from Vantor Inc.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Kessel Corp | agree to buy | Harlow Distillers Ltd"),
        "{got:?}"
    );
    assert!(!got.iter().any(|f| f.contains("Toronto")), "{got:?}");
    let got = facts(&extract(
        "Tollund Corp said it sold Fresno, Calif.-based Vantor Labs to Harlow Inc.",
    ));
    assert!(
        got.iter().any(|f| f.contains("| sell | Vantor Labs")),
        "{got:?}"
    );
    assert!(
        !got.iter()
            .any(|f| f.contains("Fresno") || f.contains("| base |")),
        "{got:?}"
    );
}

/// "demanded that Kessel repay the loan", "recommended that shareholders
/// accept the offer": the clause says what someone wants done, so nothing
/// says it happened (Possible). "suggest" and "insist" want something done
/// only with the subjunctive; with a past tense they claim.
#[test]
fn a_demanded_clause_is_no_fact() {
    for (text, relation) in [
        (
            "Vantor Corp demanded that Kessel Bank repay the loan.",
            "repay",
        ),
        (
            "The Vantor board recommended that Kessel Bank accept the Harlow offer.",
            "accept",
        ),
        ("Ana Ruiz suggested that Vantor Corp sell the mill.", "sell"),
    ] {
        let doc = extract(text);
        assert_eq!(
            modality_of(&doc, relation),
            Modality::Possible,
            "{text}: {:?}",
            facts(&doc)
        );
    }
    let doc = extract("Ana Ruiz insisted that Vantor Corp had sold the mill.");
    assert_eq!(
        modality_of(&doc, "sell"),
        Modality::Reported,
        "{:?}",
        facts(&doc)
    );
}

/// "said it would appeal, and that it still hoped to win": the second
/// "that" clause is said too, not stated by the writer.
#[test]
fn a_second_that_clause_is_said_too() {
    let doc = extract(
        "Vantor Corp said it would appeal the ruling, and that it still hoped to buy Kessel Bank.",
    );
    assert_eq!(
        modality_of(&doc, "hope to buy"),
        Modality::Reported,
        "{:?}",
        facts(&doc)
    );
}

/// "The survey said that owners were thinking of upgrading": "thinking",
/// a verb of the speech list opened by "that", is what was said, not a
/// speech tag hung on its quote, so the survey's statement is its own and
/// the owners think nothing of "the survey said".
#[test]
fn a_that_clause_is_no_speech_tag() {
    let doc = extract(
        "The Vantor survey said that most Harlow owners were thinking of upgrading to new phones.",
    );
    let got = facts(&doc);
    assert_eq!(modality_of(&doc, "say"), Modality::Asserted, "{got:?}");
    assert!(!got.iter().any(|f| f.contains("| think |")), "{got:?}");
}

/// "said it believes the suit is without merit": a clause right after
/// the speech verb is what was said, not a speech tag hung on a quote (a
/// tag is set off by a comma or a quotation mark), and "without merit",
/// a predicate with its own subject and copula, is the clause believed.
#[test]
fn a_clause_right_after_the_speech_verb_is_no_speech_tag() {
    let doc = extract("Vantor Corp said it believes the Kessel suit is without merit.");
    let got = facts(&doc);
    assert!(
        !doc.facts
            .iter()
            .any(|f| f.relation == "say" && f.modality == Modality::Reported),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|f| f == "Vantor Corp | believe | <statement>"),
        "{got:?}"
    );
    let doc = extract("Harlow Ltd cut its prices today, the Vantor agency reported.");
    assert_eq!(
        modality_of(&doc, "cut"),
        Modality::Reported,
        "{:?}",
        facts(&doc)
    );
}

/// "most economists expect Kessel Bank to cut rates": what the object is
/// expected to do is the economists' view, so its fact is theirs.
#[test]
fn what_an_object_is_expected_to_do_is_the_expecters_view() {
    let doc = extract("The Vantor economists expect Kessel Bank to cut rates this week.");
    let cut = doc
        .facts
        .iter()
        .find(|f| f.relation == "cut")
        .unwrap_or_else(|| panic!("{:?}", facts(&doc)));
    assert_eq!(cut.modality, Modality::Possible, "{:?}", facts(&doc));
    assert!(cut.attributed_to.is_some(), "{:?}", facts(&doc));
}

/// A speech tag the parser joined to the clause before it as a conjunct
/// ("Harvest levels are raised by the farm law, officials added") still
/// says whose the clause is: Reported, not Asserted. A conjunct joined by
/// "and" is a second event.
#[test]
fn a_speech_tag_read_as_a_conjunct_reports_the_clause() {
    let doc = extract(
        "Harvest levels also are increased by the new farm law, which sharply boosted payments to grain farmers, officials added.",
    );
    assert_eq!(
        modality_of(&doc, "increase"),
        Modality::Reported,
        "{:?}",
        facts(&doc)
    );
    let doc =
        extract("Ana Ruiz closed the plant in Tollund and the workers protested the decision.");
    assert_eq!(
        modality_of(&doc, "close"),
        Modality::Asserted,
        "{:?}",
        facts(&doc)
    );
}

/// A participle phrase before the speaker ("Expressing concern about X, he
/// said P") may be parsed as a second clause of the verb of saying: P is
/// still what was said, and its speaker's.
#[test]
fn a_fronted_phrase_read_as_a_clause_leaves_the_content_reported() {
    let doc = extract(
        "Tom Reyes arrived. Expressing concern about growing fishing quotas in the Kessel parliament, he said Norway should make efforts to prevent trade disputes.",
    );
    assert!(
        fact_with(&doc, "make").attributed_to.is_some(),
        "{:?}",
        facts(&doc)
    );
}

/// A tag joined as a conjunct to a conditional clause reports the whole
/// sentence, not the condition: "Taxes will rise if Labour wins, Lind
/// claimed" is no claim that Labour wins.
#[test]
fn a_speech_tag_on_a_condition_reports_the_sentence() {
    let doc = extract(
        "Income taxes would be raised if Labour wins the general election, Ola Lind has claimed.",
    );
    for f in doc.facts.iter().filter(|f| f.relation == "claim") {
        if let Argument::Statement(i) = f.object {
            assert_ne!(doc.facts[i].relation, "win", "{:?}", facts(&doc));
        }
    }
}

/// "P, X was quoted as saying": X is P's source, as with "X said".
#[test]
fn a_clause_before_quoted_as_saying_is_the_speaker_s() {
    let doc = extract(
        "Norway will need three more ferries on the northern routes by 2031, Tom Reyes was quoted as saying by a news agency.",
    );
    assert!(
        fact_with(&doc, "need").attributed_to.is_some(),
        "{:?}",
        facts(&doc)
    );
}

/// The tag that says a clause is no part of what it says, even where the
/// parser hangs it inside the clause: the speaker's title and what the tag
/// adds are the narrator's, Asserted, not the speaker's own report.
#[test]
fn a_speech_tag_is_not_inside_what_it_reports() {
    let doc = extract(
        "Margins at the mill were too thin to pay for new kilns, Tom Reyes said, adding that he expects costs to fall next year.",
    );
    assert_eq!(
        modality_of(&doc, "add"),
        Modality::Asserted,
        "{:?}",
        facts(&doc)
    );
    let doc = extract(
        "With that change, Vantor no longer needs to ship timber through the port, said Tom Reyes, president of the port.",
    );
    assert_eq!(
        modality_of(&doc, "president of"),
        Modality::Asserted,
        "{:?}",
        facts(&doc)
    );
}

/// "Ruiz, formerly an analyst with Kessel": an apposition with an adverb
/// of an ended state names a role no longer held.
#[test]
fn a_role_formerly_held_is_no_present_role() {
    let got = facts(&extract(
        "Ana Ruiz, formerly an analyst with Kessel Securities, joined Vantor in May.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Ana Ruiz | formerly be | analyst with Kessel Securities"),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|f| f.starts_with("Ana Ruiz | be | analyst")),
        "{got:?}"
    );
}

/// "little affected" is no plain "affected": the adverb stays in the
/// relation, as "barely changed" does; "a little disappointed" is only
/// somewhat so, and reads as the verb.
#[test]
fn little_before_a_participle_stays_in_the_relation() {
    let got = facts(&extract(
        "Tom Reyes said the salmon farms in Harlow had been little affected by the storm.",
    ));
    assert!(
        got.iter().any(|f| f.contains("| little affect |")),
        "{got:?}"
    );
}

/// "was able to lower the rate": in the past, "able" tells it was done;
/// in the present or under a modal it only allows it.
#[test]
fn was_able_to_tells_what_was_done() {
    let doc = extract("Ana Ruiz was able to cut the fee for small farms.");
    assert_eq!(
        modality_of(&doc, "cut"),
        Modality::Asserted,
        "{:?}",
        facts(&doc)
    );
    let doc = extract("Ana Ruiz would be able to cut the fee for small farms.");
    assert_eq!(
        modality_of(&doc, "cut"),
        Modality::Possible,
        "{:?}",
        facts(&doc)
    );
}

/// "put together a government", "buy back shares": a particle the tagger
/// took for an adverb, right after a phrasal verb, stays in the relation
/// ("put" a government says another thing).
#[test]
fn a_particle_tagged_as_an_adverb_stays_with_its_phrasal_verb() {
    let got = facts(&extract("Tom Reyes put together a new government in May."));
    assert!(
        got.iter()
            .any(|f| f == "Tom Reyes | put together | new government"),
        "{got:?}"
    );
}

/// "declared a dividend of 21 cts, up five pct": a particle set off by a
/// comma before a figure says how much something changed; it is no part
/// of the verb ("declare up").
#[test]
fn up_before_a_figure_after_a_comma_is_no_particle() {
    let got = facts(&extract(
        "Vantor Corp said it declared a cash dividend of 21 cts a unit, up five pct from the year before.",
    ));
    assert!(got.iter().any(|f| f.contains("| declare |")), "{got:?}");
    assert!(!got.iter().any(|f| f.contains("| declare up |")), "{got:?}");
}

/// "the nurses present at the hearing": an adjective after the noun with
/// a complement of its own is a reduced relative clause; the label keeps
/// the noun, not a dangling "present" whose complement was cut.
#[test]
fn a_modifier_with_its_own_complement_leaves_the_label_whole() {
    let got = facts(&extract(
        "Ana Ruiz thanked the nurses present at the hearing.",
    ));
    assert!(
        got.iter().any(|f| f == "Ana Ruiz | thank | nurses"),
        "{got:?}"
    );
    assert!(!got.iter().any(|f| f.ends_with(" present")), "{got:?}");
}

/// "said Kessel, which owns three mills, would close": the subject of
/// what is said carries a relative clause between commas; the parser had
/// hung the name on the verb of saying and lost the clause's subject.
/// The relative clause is inside what is said, so it is reported too.
#[test]
fn a_subject_with_a_relative_clause_after_a_verb_of_saying() {
    let doc =
        extract("Ana Ruiz said the Harlow mill, which employs 300 people, would close in June.");
    let got = facts(&doc);
    assert!(
        got.iter().any(|f| f == "Ana Ruiz | say | <statement>"),
        "{got:?}"
    );
    let doc = extract("Ana Ruiz said Kessel, which owns three mills, would close one of them.");
    let owns = fact_with(&doc, "own");
    assert_eq!(owns.modality, Modality::Reported, "{:?}", facts(&doc));
}

/// "Brandt, a retired nurse and old friend of Ruiz": a second description
/// joined to the apposition by "and" ties the person too.
#[test]
fn a_description_coordinated_with_an_apposition() {
    let got = facts(&extract(
        "The club thanked Jan Brandt, a retired nurse and old friend of Ana Ruiz.",
    ));
    assert!(
        got.iter().any(|f| f == "Jan Brandt | friend of | Ana Ruiz"),
        "{got:?}"
    );
}

/// "chief operating officer of Harlow Steel" is no plain officer: the words
/// that make the role another office stay in the relation.
#[test]
fn an_office_keeps_the_words_that_make_it() {
    let got = facts(&extract(
        "Jan Brandt, chief operating officer of Harlow Steel, said prices would fall.",
    ));
    assert!(
        got.iter()
            .any(|f| f == "Jan Brandt | chief operating officer of | Harlow Steel"),
        "{got:?}"
    );
}

/// "fell after the board of Vantor had cut the dividend": "after" opens a
/// clause here, not a prepositional phrase; the noun phrase after it is
/// the subject of the verb that follows.
#[test]
fn a_subordinator_read_as_a_preposition() {
    let got = facts(&extract(
        "The shares fell after the board of Vantor Corp had cut the dividend.",
    ));
    assert!(
        got.iter()
            .any(|f| f.ends_with("| cut | dividend") && f.contains("board")),
        "{got:?}"
    );
}

/// "said new offices were not needed": the passive of a verb of needing
/// says something whole without a complement, so what was said is a
/// statement of its own (the active "they need" says nothing alone).
#[test]
fn a_passive_of_needing_is_what_was_said() {
    let doc = extract("Ana Ruiz said the new offices in Harlow were not needed.");
    let say = fact_with(&doc, "say");
    assert!(
        matches!(say.object, Argument::Statement(_)),
        "{:?}",
        facts(&doc)
    );
}

/// "blamed rising costs": the "-ing" form of a verb that takes no object
/// ("costs rose", never "rose costs") before a bare noun is an adjective;
/// read as a verb it had made "blame rise" costs, and after "because of" a
/// clause whose subject was taken from the sentence ("Ruiz fall prices").
#[test]
fn a_participle_of_change_before_its_noun_modifies_it() {
    let got = facts(&extract("Harlow Steel blamed rising costs for the loss."));
    assert!(
        got.iter()
            .any(|f| f == "Harlow Steel | blame | rising costs"),
        "{got:?}"
    );
    let got = facts(&extract(
        "Vantor cut its forecast because of falling prices in Asia, Ana Ruiz said.",
    ));
    assert!(!got.iter().any(|f| f.contains("| fall |")), "{got:?}");
}
