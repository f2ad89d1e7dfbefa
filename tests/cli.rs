//! The command line as an analyst runs it: the real binary, real files.

use std::process::Command;

fn cli(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_redline-cli")).args(args).output().expect("the CLI runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn temp_file(name: &str, text: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("redline-cli-test-{}-{name}", std::process::id()));
    std::fs::write(&path, text).expect("temp file writes");
    path
}

#[test]
fn presets_lists_every_preset() {
    let (code, out, _) = cli(&["presets"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 14);
    assert!(out.contains("us-28-point") && out.contains("(partial)"));
}

#[test]
fn eval_prints_verdicts_with_quotes_as_json() {
    let plan = temp_file(
        "plan.json",
        r#"{"format":"redline-plan","version":1,"title":"T","clauses":[{"id":"crimea-de-jure-russian"},{"id":"army-cap","value":600000}]}"#,
    );
    let (code, out, err) = cli(&["eval", plan.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).expect("eval prints JSON");
    let ukraine = report["actors"].as_array().unwrap().iter().find(|a| a["actor"] == "ukraine").expect("Ukraine");
    assert_eq!(ukraine["verdict"], "crosses-red-line");
    assert_eq!(ukraine["group"], "party");
    assert!(ukraine["open"].is_array(), "open demands are listed apart");
    let breach = &ukraine["crossed"][0];
    assert!(breach["citations"][0]["quote"].as_str().is_some_and(|q| !q.is_empty()));
    assert!(breach["because_of"].as_array().is_some_and(|c| !c.is_empty()));
    // Before any position was stated, nothing is crossed.
    let (_, early, _) = cli(&["eval", plan.to_str().unwrap(), "--as-of", "2020-01-01"]);
    let early: serde_json::Value = serde_json::from_str(&early).unwrap();
    assert!(early["summary"].as_str().unwrap().starts_with("crosses no hard red line"));
}

#[test]
fn matrix_names_each_breach_with_its_quote() {
    let (code, out, _) = cli(&["matrix"]);
    assert_eq!(code, 0);
    assert!(out.lines().next().unwrap().contains("P14"));
    assert!(out.contains("US 28-point plan (us-28-point): crosses "));
    assert!(out.contains(" parties\n"), "the headline counts parties");
    // Parties, then commentators and analysts apart.
    let parties = out.find("-- parties").expect("a parties block");
    let views = out.find("-- commentators and analysts").expect("a commentators block");
    assert!(parties < views);
    let ukraine = out.find("\nukraine ").unwrap();
    let swp = out.find("\nswp-authors ").unwrap();
    assert!(parties < ukraine && ukraine < views && views < swp);
    // Each breach line is followed by its quote, speaker, date and source file.
    assert!(out.contains("\" (") && out.contains(".txt)"));
    // A date that is only the report's says so, as on the cards.
    assert!(
        out.contains("\" (Government of Ukraine, date not given; reported by opinion column (26 Dec 2025); 000_"),
        "{out}"
    );
    let (code, json, _) = cli(&["matrix", "--json"]);
    assert_eq!(code, 0);
    let m: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(m.as_object().unwrap().len(), 14);
}

#[test]
fn bad_input_says_what_and_where_and_exits_2() {
    let broken = temp_file("broken.json", "{\"format\":\"redline-plan\",\n\"version\":1,\n\"clauses\":[{\"id\":1}]}");
    let (code, out, err) = cli(&["eval", broken.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("line 3") && err.contains("broken.json"), "{err}");
    let (code, _, err) = cli(&["eval", "/no/such/file.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("/no/such/file.json"));
    let (code, _, err) = cli(&["matrix", "--as-of", "mid-2025"]);
    assert_eq!(code, 2);
    assert!(err.contains("not a date"));
    let (code, _, err) = cli(&["frobnicate"]);
    assert_eq!(code, 2);
    assert!(err.contains("usage"));
}

#[test]
fn compare_and_link() {
    let (code, out, _) = cli(&["compare", "us-28-point", "european-counter-proposal"]);
    assert_eq!(code, 0);
    let c: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(!c["added"].as_array().unwrap().is_empty() && !c["removed"].as_array().unwrap().is_empty());
    let (code, link, _) = cli(&["link", "us-28-point"]);
    assert_eq!(code, 0);
    let link = link.trim();
    let code = link.strip_prefix("plan=").expect("a #plan= fragment");
    // The preset's caveats travel in the notes, so the link is longer than its clauses alone.
    assert!(link.len() <= 1_000 && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    let shared = redline::share::decode(code, &redline::share::id_table()).unwrap();
    assert!(shared.plan.notes.starts_with("Based on: US 28-point plan, proposed by"));
    assert_eq!(shared.as_of, None);
    // With --as-of, the link opens the verdicts as of that date.
    let (code, link, _) = cli(&["link", "us-28-point", "--as-of", "2025-06"]);
    assert_eq!(code, 0);
    let shared =
        redline::share::decode(link.trim().strip_prefix("plan=").unwrap(), &redline::share::id_table()).unwrap();
    assert_eq!(shared.as_of.map(|d| d.to_string()).as_deref(), Some("2025-06"));
}

#[test]
fn agree_prints_the_nearest_settlement_or_the_minimal_conflict() {
    // Ukraine and Russia at red lines and firm demands: a conflict, quoted.
    let (code, out, err) = cli(&["agree", "ukraine", "russia", "--strict", "firm"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("agree prints JSON");
    assert_eq!(v["outcome"], "conflict");
    assert_eq!(v["strictness"], "firm");
    let positions = v["conflict"]["positions"].as_array().unwrap();
    let actors: Vec<&str> = positions.iter().map(|p| p["actor"].as_str().unwrap()).collect();
    assert!(actors.contains(&"ukraine") && actors.contains(&"russia"), "{actors:?}");
    assert!(positions.iter().all(|p| !p["citations"][0]["quote"].as_str().unwrap().is_empty()));
    assert!(v["conflict"]["sentence"].as_str().unwrap().contains("Ukraine"));
    // The US and Ukraine at hard red lines: a settlement deciding the default questions.
    let (code, out, _) = cli(&["agree", "usa", "ukraine"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["outcome"], "settlement");
    assert!(v["settle"].as_array().unwrap().iter().any(|q| q == "crimea-status"));
    let first = &v["settlements"][0];
    assert!(!first["edits"].as_array().unwrap().is_empty());
    assert!(first["clauses"].as_array().unwrap().iter().any(|c| c["id"].as_str().unwrap().starts_with("crimea-")));
    // A locked army cap at 600,000 is raised to clear Ukraine's line, not removed.
    let (code, out, _) =
        cli(&["agree", "ukraine", "usa", "eu", "--from", "us-28-point", "--lock", "army-cap", "--settle", "none"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let edits = v["settlements"][0]["edits"].as_array().unwrap();
    assert!(
        edits.iter().any(|e| e["edit"] == "set-value" && e["clause"] == "army-cap" && e["value"] == 610000),
        "{edits:?}"
    );
}

#[test]
fn coalitions_prints_the_largest_coalitions() {
    let (code, out, err) = cli(&["coalitions", "--strict", "firm"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("coalitions prints JSON");
    let coalitions = v["coalitions"].as_array().unwrap();
    assert!(coalitions.len() >= 2, "Russia's firm demands split the parties");
    let sizes: Vec<u64> = coalitions.iter().map(|c| c["size"].as_u64().unwrap()).collect();
    assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "largest first: {sizes:?}");
    let first = &coalitions[0];
    assert!(first["members"].as_array().unwrap().iter().any(|m| m == "ukraine"));
    assert!(first["cannot_join"]
        .as_array()
        .unwrap()
        .iter()
        .all(|b| !b["because"]["sentence"].as_str().unwrap().is_empty()));
    let (code, out, _) = cli(&["coalitions"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["coalitions"].as_array().unwrap().len(), 1, "at hard red lines every party can settle together");
}

#[test]
fn agree_and_coalitions_name_bad_input_and_exit_2() {
    let (code, out, err) = cli(&["agree", "ukraine", "narnia"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("unknown actor `narnia`") && err.contains("actor 2 of 2"), "{err}");
    let (code, _, err) = cli(&["agree", "ukraine", "swp-authors"]);
    assert_eq!(code, 2);
    assert!(err.contains("commentator"), "{err}");
    let (code, _, err) = cli(&["agree", "ukraine", "--settle", "crimea-status,atlantis"]);
    assert_eq!(code, 2);
    assert!(err.contains("--settle") && err.contains("unknown question `atlantis`") && err.contains("item 2"), "{err}");
    let (code, _, err) = cli(&["coalitions", "--strict", "lenient"]);
    assert_eq!(code, 2);
    assert!(err.contains("--strict") && err.contains("`lenient`"), "{err}");
    let (code, _, err) = cli(&["agree", "ukraine", "--lock", "no-such-clause"]);
    assert_eq!(code, 2);
    assert!(err.contains("--lock") && err.contains("unknown clause `no-such-clause`"), "{err}");
    let (code, _, err) = cli(&["agree"]);
    assert_eq!(code, 2);
    assert!(err.contains("usage"), "{err}");
}

/// The ids in brackets of the first correction set `what-would-it-take` prints.
fn first_set(out: &str) -> Vec<String> {
    let line = out.lines().find(|l| l.starts_with("if ")).expect("a correction set");
    line.split('[').skip(1).map(|part| part.split(']').next().unwrap().to_string()).collect()
}

#[test]
fn what_would_it_take_prints_the_smallest_sets_and_each_one_settles() {
    let (code, out, err) = cli(&["what-would-it-take", "ukraine", "russia", "--strict", "firm"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("no settlement as they stand"), "{out}");
    assert!(
        out.contains("if Ukraine set aside: Ukraine ")
            && !out.contains('“')
            && out.contains("], a settlement exists: "),
        "{out}"
    );
    assert!(out.contains("(hard red line, Government of Ukraine, ") && out.contains("(firm demand, Vladimir Putin, "));
    assert!(out.trim_end().ends_with("Every set of up to 6 positions is listed."), "{out}");
    // Setting the first set aside makes `agree` find a settlement, where it found a conflict.
    let set = first_set(&out);
    assert!(!set.is_empty());
    let mut args = vec!["agree", "ukraine", "russia", "--strict", "firm"];
    for id in &set {
        args.extend(["--set-aside", id.as_str()]);
    }
    let (code, out, err) = cli(&args);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["outcome"], "settlement");
    let aside: Vec<&str> =
        v["scenario"]["set_aside"].as_array().unwrap().iter().map(|p| p["position"].as_str().unwrap()).collect();
    assert_eq!(aside.len(), set.len());
    // Every set is minimal: keeping any one of its positions leaves the conflict.
    for keep in &set {
        let mut args = vec!["agree", "ukraine", "russia", "--strict", "firm"];
        for id in set.iter().filter(|id| *id != keep) {
            args.extend(["--set-aside", id.as_str()]);
        }
        let (_, out, _) = cli(&args);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["outcome"], "conflict", "without setting aside {keep}");
    }
    // As JSON: the sets smallest first, each position with its quotes.
    let (code, out, _) = cli(&["what-would-it-take", "ukraine", "russia", "--strict", "firm", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["outcome"], "corrections");
    let sets = v["sets"].as_array().unwrap();
    let sizes: Vec<usize> = sets.iter().map(|s| s["set_aside"].as_array().unwrap().len()).collect();
    assert!(!sizes.is_empty() && sizes.windows(2).all(|w| w[0] <= w[1]), "{sizes:?}");
    assert!(sets
        .iter()
        .flat_map(|s| s["set_aside"].as_array().unwrap())
        .all(|p| !p["citations"][0]["quote"].as_str().unwrap().is_empty()));
    assert!(!sets[0]["settlement"]["clauses"].as_array().unwrap().is_empty());
    // Parties that can settle are told so.
    let (code, out, _) = cli(&["what-would-it-take", "ukraine", "usa"]);
    assert_eq!(code, 0);
    assert!(out.contains("a settlement exists already"), "{out}");
    let (code, _, err) = cli(&["what-would-it-take", "ukraine", "swp-authors"]);
    assert_eq!(code, 2);
    assert!(err.contains("what-would-it-take, actor 2 of 2") && err.contains("commentator"), "{err}");
}

#[test]
fn a_plan_files_scenario_is_honoured_and_shown() {
    let plan = temp_file(
        "scenario.json",
        r#"{"format":"redline-plan","version":1,"title":"T","clauses":[{"id":"crimea-de-jure-russian"}],
            "scenario":{"set_aside":["ukraine-no-territorial-concessions","retired-position"],
              "strengths":[{"position":"ukraine-alarm-28-point","strength":"firm"}],
              "added":[{"id":"us-crimea","actor":"usa","strength":"hard","condition":{"rejects":["crimea-de-jure-russian"]},
                        "note":"Supposed, not sourced","link":"https://example.org/x"}]}}"#,
    );
    let (code, out, err) = cli(&["eval", plan.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("scenario.set_aside[1]: no position `retired-position`"), "a warning, not an error: {err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let actor = |id: &str| v["actors"].as_array().unwrap().iter().find(|a| a["actor"] == id).unwrap().clone();
    let ukraine = actor("ukraine");
    assert!(ukraine["crossed"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["position"] != "ukraine-no-territorial-concessions"));
    // A concern made a firm demand: the verdict follows, and the sources' strength is given.
    assert_eq!(ukraine["verdict"], "conflicts-with-demand");
    let reweighed =
        ukraine["crossed"].as_array().unwrap().iter().find(|p| p["position"] == "ukraine-alarm-28-point").unwrap();
    assert_eq!(
        (reweighed["scenario"].as_str(), reweighed["sourced_strength"].as_str()),
        (Some("reweighed"), Some("stated concern"))
    );
    let usa = actor("usa");
    assert_eq!(usa["verdict"], "crosses-red-line");
    let mine = &usa["crossed"][0];
    assert_eq!(
        (mine["position"].as_str(), mine["scenario"].as_str()),
        (Some("reader:us-crimea"), Some("added-by-reader"))
    );
    assert!(mine["citations"].as_array().unwrap().is_empty() && mine["date"].is_null(), "never quoted as a source");
    assert_eq!(v["scenario"]["set_aside"][0]["position"], "ukraine-no-territorial-concessions");
    assert_eq!(v["scenario"]["added_by_reader"][0]["link"], "https://example.org/x");
    assert_eq!(v["scenario"]["reweighed"][0]["strength"], "firm demand");
    // `agree` and `coalitions` read it through --from; `--set-aside` adds to it.
    let (code, out, _) =
        cli(&["agree", "ukraine", "usa", "--from", plan.to_str().unwrap(), "--settle", "crimea-status"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let clauses: Vec<&str> =
        v["settlements"][0]["clauses"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert!(!clauses.contains(&"crimea-de-jure-russian"), "the reader's US red line is respected: {clauses:?}");
    let firm = temp_file(
        "russia-firm.json",
        r#"{"format":"redline-plan","version":1,"clauses":[],"scenario":{"actors":[{"actor":"russia","set_aside":"firm-demands"}]}}"#,
    );
    let (code, out, _) = cli(&["coalitions", "--strict", "firm", "--from", firm.to_str().unwrap()]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    // Russia's firm demands kept it apart from the UK and France; its hard
    // refusal of a ceasefire before territorial talks still parts it from
    // Ukraine and the United States on territory.
    let with_russia: Vec<Vec<&str>> = v["coalitions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["members"].as_array().unwrap().iter().map(|m| m.as_str().unwrap()).collect::<Vec<_>>())
        .filter(|m| m.contains(&"russia"))
        .collect();
    assert!(
        with_russia.iter().any(|m| m.contains(&"uk") && m.contains(&"france")),
        "without its firm demands Russia joins the UK and France: {with_russia:?}"
    );
    let (_, out, _) = cli(&["coalitions", "--strict", "firm"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["coalitions"].as_array().unwrap().iter().all(|c| {
        let members = c["members"].as_array().unwrap();
        !(members.contains(&"russia".into()) && members.contains(&"uk".into()))
    }));
    // A plan without a scenario prints as before, with no `scenario` key.
    let (_, out, _) = cli(&["eval", "us-28-point"]);
    assert!(serde_json::from_str::<serde_json::Value>(&out).unwrap().get("scenario").is_none());
    // A position typed on the command line must exist.
    let (code, out, err) = cli(&["eval", "us-28-point", "--set-aside", "no-such-position"]);
    assert_eq!(code, 2);
    assert!(out.is_empty() && err.contains("--set-aside: no position `no-such-position`"), "{err}");
    // `link` carries the scenario, saying what the library lacks.
    let (code, out, err) = cli(&["link", plan.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(err.contains("no position `retired-position`"), "{err}");
    let lib = redline::library::Library::embedded().unwrap();
    let (linked, _) = redline::share::open_fragment(out.trim(), &lib).unwrap().unwrap();
    assert!(linked.plan.scenario.set_aside.contains(&"retired-position".to_string()), "{:?}", linked.plan.scenario);
}
