// Package taguse calls tagged.Open: with the pooltag tag, its argument
// reaches a setter.
package taguse

import "fixtures/src/xpkg/tagged"

func Run() { tagged.Open(1) }
