// Package viper is a stand-in for github.com/spf13/viper v1.21.0: only the declarations
// the fixtures use, with the real signatures and no real bodies. The difftest module
// checks them against the real package (TestStandIns).
package viper

import (
	"time"

	"github.com/spf13/pflag"
)

type Viper struct{}

func New() *Viper { panic("stand-in") }

func GetInt(key string) int { panic("stand-in") }

func GetString(key string) string { panic("stand-in") }

func GetDuration(key string) time.Duration { panic("stand-in") }

func SetDefault(key string, value any) { panic("stand-in") }

func BindPFlags(flags *pflag.FlagSet) error { panic("stand-in") }

func BindPFlag(key string, flag *pflag.Flag) error { panic("stand-in") }

func (v *Viper) GetInt(key string) int { panic("stand-in") }

func (v *Viper) GetDuration(key string) time.Duration { panic("stand-in") }

func (v *Viper) SetDefault(key string, value any) { panic("stand-in") }
