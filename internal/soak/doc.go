// Package soak holds syllobench's reliability tests, and nothing else:
// it is a directory of tests that prove, against the real client, the
// real fixture store and the real command, that a run loses nothing and
// counts nothing twice.
//
//   - TestFaultSoak runs the battery at the default size in record mode
//     against the embedded server failing 30% of its requests (429s with
//     Retry-After, 500s and 503s, reset and closed connections, truncated
//     bodies, 2-second stalls) and checks that every item is answered
//     once and scored as in a run without faults.
//   - TestCrashResume kills syllobench run with SIGKILL three times at
//     seeded points of a record run, lets it finish, and checks that the
//     fixtures are whole, that no rerun asked again for what was stored,
//     and that the scorecard is an uninterrupted run's.
//   - TestConcurrentRecorders runs four syllobench processes recording
//     overlapping probes into one fixture directory at once, and checks
//     that each fixture file holds exactly the union of their requests.
//
// They are slow (about half a minute in all) and skip under -short.
package soak
