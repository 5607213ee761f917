//! A small decoder of Perfetto protobuf traces, as far as gol writes them,
//! that turns one into the Chrome trace-event JSON events the JSON tests
//! read, so both formats pass the same checks. It reads the trace as
//! Perfetto's importer does: packets by sequence, each sequence's interned
//! names, incremental clock and default track, track descriptors, arrows
//! (the fixed64 `flow_ids` and `terminating_flow_ids`), and on each
//! track the BEGIN/END events sorted by time (equal times kept in file
//! order) matched as a stack. It also checks what the importer refuses:
//! a sequence's clock snapshots going back in time (Perfetto's clock
//! synchronizer rejects the trace's clock going back) and what it may stop
//! reading: an arrow in the deprecated varint fields (`flow_ids_old`,
//! `terminating_flow_ids_old`), or in a current field with another wire
//! type than fixed64. Anything it cannot read fails the test.

use serde_json::{json, Value};
use std::collections::HashMap;

/// A field: number and value (varint, fixed64, bytes).
enum F<'a> {
    U(u64),
    Fixed(u64),
    B(&'a [u8]),
}

fn varint(b: &[u8], i: &mut usize) -> u64 {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = b[*i];
        *i += 1;
        v |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return v;
        }
    }
    panic!("a varint longer than 10 bytes");
}

fn fields(b: &[u8]) -> Vec<(u32, F<'_>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let key = varint(b, &mut i);
        let (field, wt) = ((key >> 3) as u32, key & 7);
        let v = match wt {
            0 => F::U(varint(b, &mut i)),
            1 => {
                let v = u64::from_le_bytes(b[i..i + 8].try_into().unwrap());
                i += 8;
                F::Fixed(v)
            }
            2 => {
                let n = varint(b, &mut i) as usize;
                assert!(i + n <= b.len(), "a field past its message's end");
                let s = &b[i..i + n];
                i += n;
                F::B(s)
            }
            w => panic!("wire type {w} (field {field})"),
        };
        out.push((field, v));
    }
    out
}

fn u(f: &F) -> u64 {
    match f {
        F::U(v) | F::Fixed(v) => *v,
        F::B(_) => panic!("a varint expected"),
    }
}

fn b<'a>(f: &F<'a>) -> &'a [u8] {
    match f {
        F::B(v) => v,
        F::U(_) | F::Fixed(_) => panic!("bytes expected"),
    }
}

fn text(f: &F) -> String {
    String::from_utf8(b(f).to_vec()).expect("UTF-8")
}

/// A track event, decoded.
#[derive(Default)]
struct Te {
    kind: u64,
    track: u64,
    name: String,
    flows: Vec<u64>,
    ends: Vec<u64>,
    args: Vec<(String, Value)>,
    counter: i64,
}

/// The state of one packet sequence.
#[derive(Default)]
struct Seq {
    /// The incremental clock's last value; None before its snapshot.
    last: Option<u64>,
    delta_default: bool,
    names: HashMap<u64, String>,
    annot: HashMap<u64, String>,
    strings: HashMap<u64, String>,
    /// `track_event_defaults.track_uuid`.
    default_track: Option<u64>,
}

/// The trace's events as JSON trace events (`ph` X, i, s, f, b, e, C and
/// the `thread_name` metadata); `tid`s are track uuids.
pub fn to_json_events(data: &[u8]) -> Vec<Value> {
    let mut seqs: HashMap<u64, Seq> = HashMap::new();
    // Per sequence id, its last clock snapshot's BOOTTIME (kept across
    // the clearing of its incremental state).
    let mut snapshots: HashMap<u64, u64> = HashMap::new();
    let mut tracks: HashMap<u64, String> = HashMap::new();
    // (track, ts, file order, event)
    let mut evs: Vec<(u64, u64, usize, Te)> = Vec::new();
    for (k, (field, pkt)) in fields(data).into_iter().enumerate() {
        assert_eq!(field, 1, "a Trace holds packets only");
        let pf = fields(b(&pkt));
        let seq_id = pf.iter().find(|f| f.0 == 10).map_or(0, |f| u(&f.1));
        let seq = seqs.entry(seq_id).or_default();
        for (n, v) in &pf {
            match n {
                13 if u(v) & 1 != 0 => {
                    *seq = Seq::default();
                }
                _ => {}
            }
        }
        let mut ts = None;
        let mut clock = None;
        for (n, v) in &pf {
            match n {
                // clock_snapshot: the incremental clock's base
                6 => {
                    for (cn, c) in fields(b(v)) {
                        if cn != 1 {
                            continue;
                        }
                        let cf = fields(b(&c));
                        let id = cf.iter().find(|f| f.0 == 1).map(|f| u(&f.1));
                        let t = cf.iter().find(|f| f.0 == 2).map(|f| u(&f.1));
                        let inc = cf.iter().any(|f| f.0 == 3 && u(&f.1) == 1);
                        if id == Some(64) {
                            assert!(inc, "clock 64 is the incremental one");
                            seq.last = Some(t.expect("the clock's base"));
                        }
                        if id == Some(6) {
                            let t = t.expect("BOOTTIME's value");
                            let before = snapshots.insert(seq_id, t).unwrap_or(0);
                            assert!(
                                t >= before,
                                "sequence {seq_id}'s clock goes back: {before} then {t}"
                            );
                        }
                    }
                }
                // trace_packet_defaults
                59 => {
                    for (dn, d) in fields(b(v)) {
                        match dn {
                            58 => seq.delta_default = u(&d) == 64,
                            // track_event_defaults { track_uuid }
                            11 => {
                                for (tn, t) in fields(b(&d)) {
                                    if tn == 11 {
                                        seq.default_track = Some(u(&t));
                                    }
                                }
                            }
                            n => panic!("packet defaults field {n}"),
                        }
                    }
                }
                // interned_data
                12 => {
                    for (inn, e) in fields(b(v)) {
                        let ef = fields(b(&e));
                        let iid = u(&ef.iter().find(|f| f.0 == 1).expect("iid").1);
                        let s = text(&ef.iter().find(|f| f.0 == 2).expect("name").1);
                        match inn {
                            2 => seq.names.insert(iid, s),
                            3 => seq.annot.insert(iid, s),
                            29 => seq.strings.insert(iid, s),
                            n => panic!("interned data field {n}"),
                        };
                    }
                }
                8 => ts = Some(u(v)),
                58 => clock = Some(u(v)),
                _ => {}
            }
        }
        for (n, v) in &pf {
            match n {
                // track_descriptor
                60 => {
                    let df = fields(b(v));
                    let uuid = u(&df.iter().find(|f| f.0 == 1).expect("uuid").1);
                    let name = df
                        .iter()
                        .find(|f| f.0 == 2)
                        .map(|f| text(&f.1))
                        .unwrap_or_else(|| "gol".into());
                    assert!(tracks.insert(uuid, name).is_none(), "track {uuid} twice");
                }
                // track_event
                11 => {
                    let delta = ts.expect("an event without a time");
                    let t = if clock.is_none() && seq.delta_default {
                        let last = seq.last.as_mut().expect("a delta before its clock");
                        *last += delta;
                        *last
                    } else {
                        delta
                    };
                    let mut te = Te::default();
                    let mut track = None;
                    for (en, e) in fields(b(v)) {
                        match en {
                            9 => te.kind = u(&e),
                            11 => track = Some(u(&e)),
                            10 => te.name = seq.names[&u(&e)].clone(),
                            23 => te.name = text(&e),
                            // flow_ids, terminating_flow_ids: fixed64
                            47 | 48 => {
                                let F::Fixed(id) = e else {
                                    panic!("arrow field {en} is not a fixed64");
                                };
                                if en == 47 {
                                    te.flows.push(id);
                                } else {
                                    te.ends.push(id);
                                }
                            }
                            // Their deprecated varint forerunners.
                            36 | 42 => panic!("a deprecated arrow field ({en})"),
                            30 => te.counter = u(&e) as i64,
                            4 => {
                                let af = fields(b(&e));
                                let key =
                                    seq.annot[&u(&af.iter().find(|f| f.0 == 1).unwrap().1)].clone();
                                let val = af
                                    .iter()
                                    .find_map(|(an, a)| match an {
                                        3 => Some(json!(u(a))),
                                        17 => Some(json!(seq.strings[&u(a)])),
                                        6 => Some(json!(text(a))),
                                        _ => None,
                                    })
                                    .expect("an annotation's value");
                                te.args.push((key, val));
                            }
                            n => panic!("track event field {n}"),
                        }
                    }
                    te.track = track
                        .or(seq.default_track)
                        .expect("an event with no track and no default");
                    assert!(
                        tracks.contains_key(&te.track),
                        "an event on undescribed track {}",
                        te.track
                    );
                    evs.push((te.track, t, k, te));
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for (uuid, name) in &tracks {
        out.push(json!({"ph": "M", "name": "thread_name", "tid": uuid, "args": {"name": name}}));
    }
    // Per track in time order (the file's order for equal times).
    evs.sort_by_key(|e| (e.0, e.1, e.2));
    let us = |ns: u64| ns as f64 / 1000.0;
    let mut stack: Vec<(u64, Te)> = Vec::new();
    // A counter's series sampled at one time make one event, as in JSON.
    let mut counters: std::collections::BTreeMap<(String, u64), serde_json::Map<String, Value>> =
        Default::default();
    let mut cur = u64::MAX;
    for (track, t, _, te) in evs {
        if track != cur {
            assert!(stack.is_empty(), "slices left open on track {cur}");
            cur = track;
        }
        let tname = tracks[&track].clone();
        for &id in &te.ends {
            out.push(json!({"ph": "f", "bp": "e", "id": id, "tid": track, "ts": us(t)}));
        }
        for &id in &te.flows {
            out.push(json!({"ph": "s", "id": id, "tid": track, "ts": us(t)}));
        }
        match te.kind {
            1 => stack.push((t, te)),
            2 => {
                let (t0, mut begin) = stack.pop().expect("an END without its BEGIN");
                begin.args.extend(te.args);
                let async_cat = ["task", "region"]
                    .into_iter()
                    .find(|c| tname.starts_with(&format!("{c} ")));
                if let Some(cat) = async_cat {
                    out.push(json!({"ph": "b", "cat": cat, "id": track, "name": begin.name, "ts": us(t0)}));
                    out.push(json!({"ph": "e", "cat": cat, "id": track, "name": begin.name, "ts": us(t)}));
                    continue;
                }
                let goroutine = begin.name.starts_with('G')
                    && begin.name[1..].starts_with(|c: char| c.is_ascii_digit());
                let cat = if tname.starts_with('P') && goroutine {
                    "goroutine"
                } else if tname.starts_with('M') {
                    "m"
                } else {
                    "gc"
                };
                let mut args: serde_json::Map<String, Value> = begin.args.into_iter().collect();
                if goroutine {
                    let id: i64 = begin.name[1..].split(' ').next().unwrap().parse().unwrap();
                    args.insert("goid".into(), json!(id));
                }
                out.push(
                    json!({"ph": "X", "cat": cat, "name": begin.name, "tid": track,
                    "ts": us(t0), "dur": us(t - t0), "args": args}),
                );
            }
            3 => {
                // An instant is a slice of no duration (it carries arrows).
                let ph = if te.flows.is_empty() { "i" } else { "X" };
                out.push(
                    json!({"ph": ph, "cat": "event", "name": te.name, "tid": track,
                    "ts": us(t), "dur": 0.0}),
                );
            }
            4 => {
                let (name, series) = tname.rsplit_once(' ').unwrap_or((&tname, &tname));
                counters
                    .entry((name.to_string(), t))
                    .or_default()
                    .insert(series.to_string(), json!(te.counter));
            }
            k => panic!("track event type {k}"),
        }
    }
    assert!(stack.is_empty(), "slices left open on track {cur}");
    for ((name, t), args) in counters {
        out.push(json!({"ph": "C", "name": name, "ts": us(t), "args": args}));
    }
    out
}
