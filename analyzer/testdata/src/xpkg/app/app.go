// Package app uses the store in production code too.
package app

import (
	"os"

	"fixtures/src/xpkg/config"
	_ "fixtures/src/xpkg/store"
)

// A value written here into a field that fills another package's DSN
// template is judged, and fixed, here.
func PG() config.PG {
	return config.PG{Host: os.Getenv("PGHOST"), SSL: "disable"} // want `\[prod-tls-disabled\] tls_mode is disable \(sslmode, PG.SSL\)`
}
