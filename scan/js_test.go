package scan

import "testing"

// TestJS covers the JS/TS reader: literals and what '+' joins to them,
// template literals, and the guards that make code test code.
func TestJS(t *testing.T) {
	runCases(t, []formatCase{
		{name: "template literal in a ternary on a test flag", file: "src/db.ts",
			src: "const isTest = process.env.NODE_ENV === 'test';\n" +
				"export const url: string = isTest\n" +
				"  ? `${process.env.DATABASE_URL}?connection_limit=1&pool_timeout=5`\n" +
				"  : process.env.DATABASE_URL!;\n",
			want:  []string{"3:51 test-pool-too-small 1", "3:66 test-acquire-timeout-too-short 5"},
			fixed: "const isTest = process.env.NODE_ENV === 'test';\nexport const url: string = isTest\n  ? `${process.env.DATABASE_URL}?connection_limit=10&pool_timeout=20`\n  : process.env.DATABASE_URL!;\n"},
		{name: "the else branch of a negated guard", file: "lib/prisma.js",
			src: "let url = process.env.DATABASE_URL;\n" +
				"if (process.env['NODE_ENV'] !== \"test\") {\n" +
				"  url += \"?connection_limit=20\";\n" +
				"} else {\n" +
				"  url += \"?connection_limit=1\";\n" +
				"}\n",
			want: []string{"5:29 test-pool-too-small 1"}},
		{name: "production branch stays production", file: "lib/prisma.js",
			src: "const env = process.env.NODE_ENV || 'development';\n" +
				"const url = env === 'production'\n" +
				"  ? process.env.DATABASE_URL + '?connection_limit=1'\n" +
				"  : process.env.DATABASE_URL + '?connection_limit=1';\n",
			want: []string{"3:51 prod-single-connection 1", "4:51 prod-single-connection 1"}},
		{name: "switch on an env alias", file: "config/db.cjs",
			src: "const env = process.env.NODE_ENV;\n" +
				"switch (env) {\n" +
				"  case 'production':\n" +
				"    module.exports = { url: 'postgresql://app@db/app?connection_limit=1' };\n" +
				"    break;\n" +
				"  case 'test':\n" +
				"    module.exports = { url: 'postgresql://app@localhost/app_test?connection_limit=1' };\n" +
				"    break;\n" +
				"}\n",
			want: []string{"4:71 prod-single-connection 1", "7:83 test-pool-too-small 1"}},
		{name: "knexfile sections", file: "knexfile.js",
			src: "module.exports = {\n" +
				"  test: { client: 'pg', connection: 'postgres://app@localhost/app_test?connect_timeout=5' },\n" +
				"  production: { client: 'pg', connection: 'postgres://app@db/app?sslmode=disable' },\n" +
				"};\n",
			want: []string{"2:88 test-connect-timeout-too-short 5", "3:74 prod-tls-disabled disable"}},
		{name: "&& guard and a test runner variable", file: "src/setup.mjs",
			src: "process.env.JEST_WORKER_ID && (process.env.DATABASE_URL += '&connection_limit=1');\n" +
				"if (typeof process.env.VITEST !== 'undefined') process.env.REDIS_URL = 'redis://localhost:6379/0?pool_size=1';\n",
			want: []string{"1:79 test-pool-too-small 1", "2:108 test-pool-too-small 1"}},
		{name: "a test path, process.env assignment", file: "jest.setup.js",
			src:   "process.env.DATABASE_URL = \"postgresql://app@localhost:5432/app_test?connection_limit=1&pool_timeout=5&connect_timeout=5\";\n",
			want:  []string{"1:87 test-pool-too-small 1", "1:102 test-acquire-timeout-too-short 5", "1:120 test-connect-timeout-too-short 5"},
			fixed: "process.env.DATABASE_URL = \"postgresql://app@localhost:5432/app_test?connection_limit=10&pool_timeout=20&connect_timeout=10\";\n"},
		{name: "comments, regexes and strings that look alike", file: "src/db.js",
			src: "// const url = 'postgres://app@db/app?sslmode=disable';\n" +
				"/* 'postgres://app@db/app?sslmode=disable' */\n" +
				"const re = /'\"`/g, half = 1 / 2, s = 'it\\'s';\n" +
				"const url = `postgres://app@db/app?sslmode=${mode}`;\n" +
				"const other = \"postgres://app@db/app?sslmode=disable\"; // poolcheck:ignore prod-tls-disabled local only\n" +
				"// poolcheck:ignore prod-tls-disabled\n",
			want: []string{"6:1 ignore-malformed // poolcheck:ignore prod-tls-disabled"}},
		{name: "holes in a URL do not hide constant values", file: "src/redis.ts",
			src:  "export const redisUrl = `redis://${host}:${port}/0?dial_timeout=0`;\n",
			want: []string{"1:65 value-fails-fast 0"}},
		{name: "escapes before the value keep the fix exact", file: "src/db.js",
			src:   "const u = 'postgres://app@db/app?application_name=caf\\u00e9\\x21&sslmode=disable';\n",
			want:  []string{"1:73 prod-tls-disabled disable"},
			fixed: "const u = 'postgres://app@db/app?application_name=caf\\u00e9\\x21&sslmode=require';\n"},
	})
}

func TestPrisma(t *testing.T) {
	runCases(t, []formatCase{
		{name: "a literal url is Prisma's", file: "prisma/schema.prisma",
			src: "datasource db {\n  provider = \"postgresql\"\n  url      = \"postgresql://app@db:5432/app?connection_limit=1\" // one replica\n  directUrl = env(\"DIRECT_URL\")\n}\n" +
				"model A {\n  url String @default(\"postgres://x@y/z?sslmode=disable\")\n}\n",
			want: []string{"3:61 prod-single-connection 1"}},
		{name: "env() is not judged; a directive", file: "schema.prisma",
			src: "/// The database.\ndatasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n" +
				"  // poolcheck:ignore prod-tls-disabled the shadow database is local\n  shadowDatabaseUrl = \"postgresql://app@localhost/shadow?sslmode=disable\"\n}\n"},
	})
}

func TestTOML(t *testing.T) {
	runCases(t, []formatCase{
		{name: "a table", file: "config/app.toml",
			src:   "[database]\nurl = \"postgres://app:s3cret@db/app?sslmode=disable\" # production\n",
			want:  []string{"2:45 prod-tls-disabled disable"},
			fixed: "[database]\nurl = \"postgres://app:s3cret@db/app?sslmode=require\" # production\n"},
		{name: "a test table, literal and multi-line strings", file: "config/app.toml",
			src:  "[test.database]\nurl = 'postgresql://app@localhost/app_test?connection_limit=1'\nreplica = \"\"\"\npostgresql://app@localhost/app_test?pool_timeout=5\"\"\"\n",
			want: []string{"2:61 test-pool-too-small 1", "4:50 test-acquire-timeout-too-short 5"}},
		{name: "dotted keys, arrays, inline tables", file: "settings.toml",
			src:  "db.urls = [\"redis://a:6379/0?dial_timeout=0\", # first\n  \"redis://b:6379/0\"]\ncache = { url = 'redis://c:6379/0?pool_size=-1' }\n",
			want: []string{"1:43 value-fails-fast 0", "3:45 value-panics -1"}},
		{name: "a policy file is not scanned", file: "policy.toml",
			src: "[[rule]]\nid = \"x\"\n  [[rule.example]]\n  bad = \"postgres://app@db/app?sslmode=disable\"\n"},
	})
}

func TestINIAndProperties(t *testing.T) {
	runCases(t, []formatCase{
		{name: "ini sections", file: "pgbouncer.ini",
			src:   "; pooler settings\n[database]\nurl = postgres://app@db/app?sslmode=disable ; production\n[test]\nurl = \"postgresql://app@localhost/app_test?connection_limit=1\"\n",
			want:  []string{"3:37 prod-tls-disabled disable", "5:61 test-pool-too-small 1"},
			fixed: "; pooler settings\n[database]\nurl = postgres://app@db/app?sslmode=require ; production\n[test]\nurl = \"postgresql://app@localhost/app_test?connection_limit=10\"\n"},
		{name: "properties: escapes and a continuation", file: "src/main/resources/application.properties",
			src: "# redis\n! also a comment\nspring.redis.url=redis://cache:6379/0?\\\n    client_name=caf\\u00e9&dial_timeout=0\n" +
				"spring.datasource.url=jdbc:postgresql://db/app?sslmode=disable\n",
			want:  []string{"4:40 value-fails-fast 0"},
			fixed: "# redis\n! also a comment\nspring.redis.url=redis://cache:6379/0?\\\n    client_name=caf\\u00e9&dial_timeout=5s\nspring.datasource.url=jdbc:postgresql://db/app?sslmode=disable\n"},
	})
}
