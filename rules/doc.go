// Package rules is poolcheck's policy: the TOML schema, a strict loader,
// the embedded default policy (default.toml) and Evaluate, which judges
// the neutral model (model.Pool) and knows nothing of Go syntax.
//
// # Policy files
//
// A project's policy is the nearest .poolcheck.toml from the package
// directory up to the module root (Discover). It extends the default
// policy unless it says otherwise, and changes it only where it says so:
//
//	extends = "default"    # the default; "none"; or a file, relative to this one
//	disable = ["prod-tls-disabled"]         # turn inherited rules off
//	enable  = ["connect-timeout-required"]  # turn on rules that ship off
//
//	exclude = ["gen/**"]   # files that are not judged at all
//
//	[scopes]               # path globs, relative to the module root
//	migrations = ["migrations/**", "**/cmd/migrate/**"]
//	test = ["**/fakes/**"] # adds globs to the built-in test scope
//
//	# An override: an inherited id, and only the fields it changes.
//	[[rule]]
//	id = "test-pool-too-small"
//	min = 4
//	severity = "warning"
//
//	# A new rule: a new id and every field.
//	[[rule]]
//	id = "migrations-single-connection"   # stable, kebab-case
//	title = "Migrations hold more than one connection"
//	why = "One paragraph: the failure the rule prevents."
//	setting = "max_open"                  # a canonical setting
//	scope = "migrations"                  # test, prod, any, or a scope above
//	drivers = ["!sqlite3", "!sqlite"]     # optional; "!" excludes
//	severity = "info"                     # error, warning or info
//	enabled = true                        # optional; false ships the rule off
//	max = 1                               # the one constraint, see below
//	suggest = 1                           # optional: the value a fix writes
//	before = "db.SetMaxOpenConns(4)"      # optional: for the docs
//	after = "db.SetMaxOpenConns(1)"
//	  [[rule.example]]                    # proved each time the policy loads
//	  driver = "database/sql"             # optional: the driver or Go API
//	  scope = "migrations"                # optional: defaults to the rule's
//	  bad = "max_open=4"                  # must break the rule
//	  good = "max_open=1"                 # must not
//
// # Constraints
//
// Each rule has exactly one:
//
//	min = 2 / max = "30s"        the value must be >= min, <= max (both: a range)
//	allow = ["verify-full"]      the value must be one of these
//	forbid = [1]                 the value must be none of these
//	required = true              the pool must set the setting
//	relation = "<= max_open"     compared with another setting of the pool
//	problems = ["unit-suffix"]   the catalog says the driver rejects or misreads
//	                             the value ("*": any problem); the setting is optional
//	check = "config-after-new"   a structural check the analyzer implements:
//	                             config-after-new, duration-without-unit,
//	                             sqlite-memory-shared, fragment-double-query
//
// Values are canonical whatever the driver's unit: counts are integers,
// durations strings with a unit ("20s"), TLS modes libpq's words
// (disable, allow, prefer, require, verify-ca, verify-full). Prisma's
// pool_timeout=5 is 5s, MySQL's timeout=500ms is 500ms, go-redis's
// dial_timeout=3 is 3s. "unlimited" names a value the driver reads as no
// cap, no timeout or forever (SetMaxOpenConns(0), Prisma pool_timeout=0):
// it passes any min, breaks any max, and allow and forbid can list it.
//
// # Scopes
//
// Two scopes are built in: test (*_test.go, testdata, testutil and the
// like, and whatever the analyzer knows is test code) and prod (every
// other path). A policy adds scopes of its own, or globs to test. Globs
// match slash-separated paths relative to the module root, segment by
// segment as path.Match does; "**" matches any number of segments.
//
// # Judging
//
// Evaluate applies each enabled rule whose scope holds for the pool (or
// is "any") and whose driver filter admits the pool's driver. A value
// rule judges the last site that sets its setting, when that site is a
// constant free of catalog problems (problem rules report those) and not
// the driver's default spelled as 0. A relation is not judged when either
// side is unlimited. A required rule is not judged on a pool whose
// configuration is partly out of sight (model.Pool.Partial) or whose
// driver cannot set the setting. A violation names the value found as
// the driver spells it and the value wanted in the driver's unit, ready to
// write: the suggestion, else the bound or first allowed value; for a
// relation, the other setting's value; for a problem, the catalog's fix.
//
// # Errors
//
// Loading is strict: a policy that does not load is an error, never
// ignored and never half-applied. Each mistake is reported as
// path:line:col with a hint: TOML syntax, unknown keys (exactly spelled),
// wrong types, bad durations, unknown settings, scopes, drivers, problem
// codes and checks (with the closest name), min above max, duplicate ids,
// none or several constraints, a suggestion that breaks its own rule,
// overrides of ids nothing defines, and examples that do not prove their
// rule. An override that changes a rule's thresholds keeps the inherited
// examples, which must still hold; an override may bring its own.
package rules
