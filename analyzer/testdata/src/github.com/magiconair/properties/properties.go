// Package properties is a stand-in for github.com/magiconair/properties v1.18.13: only
// the declarations the fixtures use, with the real signatures and no real bodies. The
// difftest module checks them against the real package (TestStandIns).
package properties

import "time"

type Properties struct{}

func NewProperties() *Properties { panic("stand-in") }

func (p *Properties) GetInt(key string, def int) int { panic("stand-in") }

func (p *Properties) GetString(key, def string) string { panic("stand-in") }

func (p *Properties) GetDuration(key string, def time.Duration) time.Duration {
	panic("stand-in")
}
