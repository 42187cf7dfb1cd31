// Package scan applies poolcheck's catalog and policy to the files where
// connection strings live outside Go code: .env files, YAML (docker
// compose, Kubernetes, CI workflows), JSON(C), TOML, .properties and .ini
// files, JavaScript and TypeScript, and Prisma schemas. It is
// `poolcheck scan`.
//
// The pipeline is the Go analyzer's with another finder: each format's
// parser finds string values with the name they are assigned to and the
// way back from each decoded byte to the file; dsnsOf decides which are
// connection strings (as the analyzer does for Go constants); dsnsite
// turns each into a pool; rules.Policy.Evaluate judges it in the scopes
// that rules.Policy.ScopesFor gives its path; findings carry the same
// rule ids, messages, wanted values and fixes as the analyzer's, and
// poolcheck:ignore directives in comments are honoured with the same
// semantics.
//
// # Files
//
// A walk skips .git, .hg, .svn, node_modules and vendor directories,
// symbolic links, binary files (a NUL byte in the first 8000 bytes),
// files over 64 MiB and what .gitignore files (and .git/info/exclude)
// ignore. A file named on the command line is read whatever .gitignore
// says. Files are recognised by name: .env, .env.* and *.env; *.yml,
// *.yaml; *.json, *.jsonc; *.toml (not .poolcheck.toml, nor any policy
// file); *.ini; *.properties; *.js, *.mjs, *.cjs, *.jsx, *.ts, *.mts,
// *.cts, *.tsx (not *.min.js, *.d.ts); *.prisma. Go files are the
// analyzer's.
//
// Before parsing, a pre-filter (prefilter.go) skips the files that hold
// no known "scheme://", no "key=" for a key some driver reads, and no
// directive: that is most files, at several hundred MB/s per core.
//
// # Scope
//
// A value is test code when its path matches the policy's test globs
// (rules.ScopesFor: *_test.go, test/, tests/, __tests__/, e2e/,
// testdata/, *.test.*, *.spec.*, .env.test*, jest.config.*,
// vitest.config.*, jest.setup.*, vitest.setup.*, docker-compose.test*.yml
// and the policy's own), or when the format says so:
//
//   - in YAML, JSON and TOML, a key named "test" or "testing" on the
//     value's path (database.yml's test:, Sequelize's config.json, a CI
//     job named test, package.json's "test" script);
//   - in .ini files, a [test] section;
//   - in JS/TS, code that runs only under test (jsscope.go): the branch
//     of an if, a ternary or an && whose condition compares an env name
//     (NODE_ENV, APP_ENV, ENV, ENVIRONMENT, MODE, BABEL_ENV, or a const
//     alias of one) with "test" or "testing", checks a test runner's
//     variable (JEST_WORKER_ID, VITEST, ...), or uses a const flag
//     defined by such a condition (const isTest = ...; isTest ? a : b);
//     the else branch of the negated forms; case "test": in a switch on
//     an env name; and a test: property of an object literal (knexfile).
//
// This is how the incident's prismaClient.mjs, a production path, gets
// its test verdicts: the pool parameters are appended inside
// if (process.env.NODE_ENV === 'test'). Code after an early return or
// throw on a condition that fails under test is test code too.
//
// # JavaScript constants and Node libraries
//
// In JS/TS, names, properties and template holes resolve to the file's
// const values (jsconst.go): strings, numbers, booleans, object
// literals, aliases, destructuring, concatenations and conditionals,
// each byte mapped to where it is written, so a finding and its fix land
// on the declaration and the message names the code that builds the
// URL. A constant takes the scope of the code that uses it, and each
// branch of a conditional the verdict of its condition. The pools of
// node-postgres, knex, Sequelize and mysql2, and the URLs given to the
// Prisma client, are found at the calls bound to those libraries'
// imports (jslib.go) and judged through the catalog's option rows.
// docs/scan-javascript.md is the user's page.
//
// # Errors
//
// A file that cannot be read or parsed gives a FileError with its line;
// the scan goes on with the other files. Only a policy that does not
// load stops a scan before it starts. Scan never panics on a file's
// content: the parsers are fuzzed, and a panic that escapes them is
// turned into a FileError.
package scan
