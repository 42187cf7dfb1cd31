package catalog

// mysqlTLS maps tls= words (readBool spellings, and skip-verify and
// preferred) to TLS modes: true verifies the certificate and the host
// name, skip-verify encrypts without checking, preferred also falls back
// to plaintext. An empty value is no TLS (Config.normalize: "false", "").
// Any other word names a RegisterTLSConfig config.
var mysqlTLS = map[string]string{
	"true": "verify-full", "TRUE": "verify-full", "True": "verify-full", "1": "verify-full",
	"false": "disable", "FALSE": "disable", "False": "disable", "0": "disable", "": "disable",
	"skip-verify": "require", "preferred": "prefer",
}

// mysqlTLSFolded: parseDSNParams lower-cases the value before it compares
// it with skip-verify and preferred (strings.ToLower), not for the bools.
var mysqlTLSFolded = map[string]string{"skip-verify": "require", "preferred": "prefer"}

// mysqlBool is go-sql-driver/mysql's readBool.
var mysqlBool = map[string]string{
	"1": "true", "true": "true", "TRUE": "true", "True": "true",
	"0": "false", "false": "false", "FALSE": "false", "False": "false",
}

// mysqlRows are read by go-sql-driver/mysql ParseDSN (sql.Open("mysql"),
// gorm.io/driver/mysql). Keys are case-sensitive.
var mysqlRows = []*Knob{
	{Driver: MySQL, Key: "timeout", Setting: ConnectTimeout, Unit: UnitDuration, read: readDuration,
		errf:    "{err}",
		Special: []Special{{"<=0", "no dial timeout (the OS default applies)", MeansUnlimited}},
		Source:  mysqlMod + "dsn.go parseDSNParams; connector.go connect"},
	{Driver: MySQL, Key: "readTimeout", Setting: ReadTimeout, Unit: UnitDuration, read: readDuration,
		errf:    "{err}",
		Special: []Special{{"0", "no read timeout", MeansUnlimited}},
		checks:  mysqlNegativeRead,
		Source:  mysqlMod + "dsn.go parseDSNParams; connection.go readWithTimeout, ResetSession"},
	{Driver: MySQL, Key: "writeTimeout", Setting: WriteTimeout, Unit: UnitDuration, read: readDuration,
		errf:    "{err}",
		Special: []Special{{"<=0", "no write timeout", MeansUnlimited}},
		Source:  mysqlMod + "dsn.go parseDSNParams; connection.go writeWithTimeout"},
	{Driver: MySQL, Key: "tls", Setting: TLSMode, Unit: UnitEnum, Enum: mysqlTLS, caseless: mysqlTLSFolded, read: readEnum,
		Default: "false", prefer: []string{"true", "false", "skip-verify", "preferred"},
		Source: mysqlMod + "dsn.go parseDSNParams, Config.normalize; utils.go readBool (another word is a RegisterTLSConfig name; unregistered: invalid value / unknown config name)"},
	{Driver: MySQL, Key: "allowFallbackToPlaintext", Unit: UnitEnum, Enum: mysqlBool, read: readEnum,
		Default: "false", prefer: []string{"true", "false"},
		other:  &check{code: CodeUnparsable, kind: Rejected, text: "invalid bool value: {raw}"},
		Source: mysqlMod + "dsn.go parseDSNParams"},
}

// mysqlAPIRows are mysql.Config fields (mysql.NewConnector, FormatDSN,
// gorm mysql.Config{DSNConfig: ...}).
var mysqlAPIRows = []*Knob{
	mysqlField("Timeout", ConnectTimeout, "no dial timeout (the OS default applies)", nil),
	mysqlField("ReadTimeout", ReadTimeout, "no read timeout", mysqlNegativeRead),
	mysqlField("WriteTimeout", WriteTimeout, "no write timeout", nil),
	{Driver: MySQL, Key: "TLSConfig", Setting: TLSMode, Unit: UnitEnum, read: readEnum,
		API:     &API{Pkg: "github.com/go-sql-driver/mysql", Type: "Config", Member: "TLSConfig", Kind: Field},
		Enum:    map[string]string{"true": "verify-full", "false": "disable", "": "disable", "skip-verify": "require", "preferred": "prefer"},
		Default: "", prefer: []string{"true", "false", "skip-verify", "preferred"},
		Source: mysqlMod + "dsn.go Config.normalize (exact words; another names a RegisterTLSConfig config; Config.TLS overrides it)"},
	tlsField(MySQL, "github.com/go-sql-driver/mysql", "Config", "TLS", mysqlMod+"dsn.go Config.TLS (overrides TLSConfig; nil: TLSConfig decides)"),
	{Driver: MySQL, Key: "AllowFallbackToPlaintext", Unit: UnitEnum, read: readEnum,
		API:     &API{Pkg: "github.com/go-sql-driver/mysql", Type: "Config", Member: "AllowFallbackToPlaintext", Kind: Field},
		Enum:    map[string]string{"true": "true", "false": "false"},
		Default: "false",
		Source:  mysqlMod + "dsn.go Config"},
}

// mysqlNegativeRead is what a negative read timeout does.
var mysqlNegativeRead = []check{{when: isNegative, code: CodeNegative, kind: Misread,
	text: "reads get no deadline, but the liveness check on a reused connection sets a deadline in the past: every reused connection is discarded as bad (connection.go ResetSession, conncheck.go)"}}

func mysqlField(name string, s Setting, none string, checks []check) *Knob {
	return &Knob{Driver: MySQL, Key: name, Setting: s, Unit: UnitGoDuration, read: readGo,
		API:     &API{Pkg: "github.com/go-sql-driver/mysql", Type: "Config", Member: name, Kind: Field},
		Default: "0", checks: checks,
		Special: []Special{{"<=0", none, MeansUnlimited}},
		Source:  mysqlMod + "dsn.go Config; connector.go connect; connection.go readWithTimeout, writeWithTimeout"}
}
