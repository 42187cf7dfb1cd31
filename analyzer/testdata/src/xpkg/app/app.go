// Package app uses the store in production code too.
package app

import _ "fixtures/src/xpkg/store"
