// Package cli is a stand-in for github.com/urfave/cli/v2 v2.27.7: the
// flag literals whose Value and Destination the fixtures use.
package cli

import "time"

type IntFlag struct {
	Name        string
	Usage       string
	EnvVars     []string
	Value       int
	Destination *int
}

type DurationFlag struct {
	Name        string
	Usage       string
	EnvVars     []string
	Value       time.Duration
	Destination *time.Duration
}
