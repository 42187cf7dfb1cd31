module github.com/poolcheck/poolcheck/bench/noopplugin

go 1.26.0

require (
	github.com/golangci/plugin-module-register v0.1.2
	golang.org/x/tools v0.52.0
)
