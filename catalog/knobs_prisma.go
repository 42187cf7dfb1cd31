package catalog

// prismaRows are the connection URL arguments of Prisma's query engine
// (<= v6; in v7 driver adapters own the pool). Every number is a Rust
// unsigned integer in seconds; a non-number fails the URL.
var prismaRows = []*Knob{
	prismaNumber("connection_limit", MaxOpen, UnitCount, "3", "num_cpus::get_physical() * 2 + 1 (quaint/src/pooled.rs Builder::new)",
		[]Special{{"0", "mobc opens up to 10000 connections (CONNECTION_REQUEST_QUEUE_SIZE): unlimited", MeansUnlimited}}),
	prismaNumber("pool_timeout", AcquireTimeout, UnitSeconds, "10", "",
		[]Special{{"0", "wait forever for a connection", MeansUnlimited}}),
	prismaNumber("connect_timeout", ConnectTimeout, UnitSeconds, "5", "",
		[]Special{{"0", "no connect timeout", MeansUnlimited}}),
	prismaNumber("socket_timeout", ReadTimeout, UnitSeconds, "", "none: queries may run forever", nil),
	prismaNumber("max_connection_lifetime", ConnMaxLifetime, UnitSeconds, "0", "none",
		[]Special{{"0", "connections are kept forever", MeansUnlimited}}),
	prismaNumber("max_idle_connection_lifetime", ConnMaxIdleTime, UnitSeconds, "300", "",
		[]Special{{"0", "idle connections are kept forever", MeansUnlimited}}),
	{Driver: Prisma, Key: "sslmode", Setting: TLSMode, Unit: UnitEnum, read: readEnum,
		Enum:       map[string]string{"disable": "disable", "prefer": "prefer", "require": "require"},
		Default:    "prefer",
		otherValue: "prefer",
		other: &check{code: CodeIgnoredValue, kind: Misread, fix: "require",
			text: "Prisma reads only disable, prefer and require: sslmode={raw} silently becomes prefer; for a checked certificate use sslmode=require&sslaccept=strict"},
		Source: prismaDocs + quaint + "postgres/url.rs parse_query_params"},
	{Driver: Prisma, Key: "sslaccept", Unit: UnitEnum, read: readEnum,
		Enum:    map[string]string{"strict": "strict", "accept_invalid_certs": "accept_invalid_certs"},
		Default: "accept_invalid_certs", DefaultNote: "postgres: accept_invalid_certs (require does not check the certificate); mysql: TLS only when an ssl* key is set",
		other: &check{code: CodeIgnoredValue, kind: Misread,
			text: "an unknown sslaccept becomes strict for postgres and accept_invalid_certs for mysql"},
		Source: prismaDocs + quaint + "postgres/url.rs, mysql/url.rs parse_query_params"},
}

func prismaNumber(key string, s Setting, u Unit, def, note string, special []Special) *Knob {
	return &Knob{Driver: Prisma, Key: key, Setting: s, Unit: u, read: readRustUint,
		Default: def, DefaultNote: note, Special: special,
		errf:   "The provided arguments are not supported (quaint InvalidConnectionArguments)",
		Source: prismaDocs + quaint + "postgres/url.rs, mysql/url.rs parse_query_params; quaint/src/pooled.rs"}
}
