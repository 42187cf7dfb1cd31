package flow

import (
	"fmt"
	"os"
)

// The incident as its own fix wrote it: named constants fill the verbs of
// a template, so their values are known; the findings sit on the
// arguments and the fixes rewrite the constants.
const (
	connectionLimit = 1
	poolTimeout     = 5
	connectTimeout  = 5
)

func testDatabaseURL() string {
	base := os.Getenv("DATABASE_URL")
	return fmt.Sprintf("%s?connection_limit=%d&pool_timeout=%d&connect_timeout=%d",
		base, connectionLimit, poolTimeout, connectTimeout) // want `\[test-pool-too-small\] max_open is 1` `\[test-acquire-timeout-too-short\] acquire_timeout is 5s` `\[test-connect-timeout-too-short\] connect_timeout is 5s`
}

// A verb whose argument is not constant stays a hole.
func urlWith(limit int) string {
	return fmt.Sprintf("%s?connection_limit=%d", os.Getenv("DATABASE_URL"), limit)
}
