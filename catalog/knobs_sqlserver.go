package catalog

// mssqlEncrypt maps encrypt= words (matched lower-cased) to TLS modes.
// disable: no TLS at all. false (the default): only the login packet is
// encrypted unless the server demands TLS, so data travels in plaintext,
// the closest libpq word being allow; with encrypt absent the login TLS
// also skips the certificate check (trustservercertificate defaults to
// true). true: TLS for everything, the certificate and host name checked
// unless trustservercertificate=true (then it is require). strict: TDS 8.0,
// TLS before the first byte, always checked.
var mssqlEncrypt = map[string]string{
	"disable": "disable",
	"false":   "allow", "optional": "allow", "no": "allow", "0": "allow", "f": "allow",
	"true": "verify-full", "mandatory": "verify-full", "yes": "verify-full", "1": "verify-full", "t": "verify-full",
	"strict": "verify-full",
}

// mssqlBool is parseBoolParam: strconv.ParseBool plus yes and no.
var mssqlBool = map[string]string{
	"true": "true", "t": "true", "1": "true", "yes": "true",
	"false": "false", "f": "false", "0": "false", "no": "false",
}

// sqlserverRows are read by msdsn.Parse (sql.Open("sqlserver"),
// mssql.NewConnector, gorm.io/driver/sqlserver). Keys are case-insensitive
// in every form; the ADO synonyms (Aliases) apply to the k=v; form only.
var sqlserverRows = []*Knob{
	{Driver: SQLServer, Key: "dial timeout", Setting: ConnectTimeout, Unit: UnitSeconds, read: readUint64,
		Default: "15", DefaultNote: "15 s per enabled protocol",
		errf: "invalid dial timeout '{raw}': {err}",
		checks: []check{{when: isZero, code: CodeIgnoredValue, kind: Misread,
			text: "0 is replaced by the default, 15 s per protocol (tds.go connect), although the README says 0 means no timeout"}},
		Source: mssqlMod + "msdsn/conn_str.go Parse; tds.go connect"},
	{Driver: SQLServer, Key: "connection timeout", Aliases: []string{"connect timeout", "timeout"},
		Setting: ReadTimeout, Unit: UnitSeconds, read: readUint64,
		Default: "0", errf: "invalid connection timeout '{raw}': {err}",
		Special: []Special{{"0", "no deadline", MeansUnlimited}},
		Source:  mssqlMod + "msdsn/conn_str.go Parse, adoSynonyms; net.go timeoutConn (a deadline on every Read and Write for the connection's whole life, not a login timeout)"},
	{Driver: SQLServer, Key: "encrypt", Setting: TLSMode, Unit: UnitEnum, Enum: mssqlEncrypt, read: readEnum, fold: true,
		Default: "false", prefer: []string{"disable", "false", "true", "strict"},
		other:  &check{code: CodeNotInEnum, kind: Rejected, text: "invalid encrypt '{lower}'"},
		Source: mssqlMod + "msdsn/conn_str.go parseTLS; tds.go connect (encryptOff: login packet only)"},
	{Driver: SQLServer, Key: "trustservercertificate", Aliases: []string{"trust server certificate"},
		Unit: UnitEnum, Enum: mssqlBool, read: readEnum, fold: true,
		Default: "false", DefaultNote: "true when encrypt is absent, false otherwise; strict forces false",
		prefer: []string{"true", "false"},
		other:  &check{code: CodeUnparsable, kind: Rejected, text: `invalid trust server certificate '{raw}': strconv.ParseBool: parsing "{raw}": invalid syntax`},
		Source: mssqlMod + "msdsn/conn_str.go parseTLS, parseBoolParam"},
}

// sqlserverAPIRows are msdsn.Config fields (mssql.NewConnectorConfig).
var sqlserverAPIRows = []*Knob{
	{Driver: SQLServer, Key: "DialTimeout", Setting: ConnectTimeout, Unit: UnitGoDuration, read: readGo,
		API:     &API{Pkg: "github.com/microsoft/go-mssqldb/msdsn", Type: "Config", Member: "DialTimeout", Kind: Field},
		Default: "0",
		Special: []Special{
			{"0", "the default, 15 s per protocol (tds.go connect)", MeansDefault},
			{"<0", "no dial timeout", MeansUnlimited},
		},
		Source: mssqlMod + "msdsn/conn_str.go Config; tds.go connect"},
	{Driver: SQLServer, Key: "ConnTimeout", Setting: ReadTimeout, Unit: UnitGoDuration, read: readGo,
		API:     &API{Pkg: "github.com/microsoft/go-mssqldb/msdsn", Type: "Config", Member: "ConnTimeout", Kind: Field},
		Default: "0",
		Special: []Special{{"<=0", "no deadline", MeansUnlimited}},
		Source:  mssqlMod + "msdsn/conn_str.go Config; net.go timeoutConn"},
}
