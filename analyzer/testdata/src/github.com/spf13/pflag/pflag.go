// Package pflag is a stand-in for github.com/spf13/pflag v1.1.0: only the declarations
// the fixtures use, with the real signatures and no real bodies. The difftest module
// checks them against the real package (TestStandIns).
package pflag

import "time"

type ErrorHandling int

const ContinueOnError ErrorHandling = 0

type FlagSet struct{}

type Flag struct{}

func NewFlagSet(name string, errorHandling ErrorHandling) *FlagSet { panic("stand-in") }

func (f *FlagSet) Int(name string, value int, usage string) *int { panic("stand-in") }

func (f *FlagSet) Duration(name string, value time.Duration, usage string) *time.Duration {
	panic("stand-in")
}

func (f *FlagSet) String(name string, value string, usage string) *string { panic("stand-in") }

func (f *FlagSet) Lookup(name string) *Flag { panic("stand-in") }
