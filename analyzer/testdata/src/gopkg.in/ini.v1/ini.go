// Package ini is a stand-in for gopkg.in/ini.v1 v1.68.0: only the declarations the
// fixtures use, with the real signatures and no real bodies. The difftest module
// checks them against the real package (TestStandIns).
package ini

import "time"

type File struct{}

type Section struct{}

type Key struct{}

func Load(source interface{}, others ...interface{}) (*File, error) { panic("stand-in") }

func (f *File) Section(name string) *Section { panic("stand-in") }

func (s *Section) Key(name string) *Key { panic("stand-in") }

func (k *Key) MustInt(defaultVal ...int) int { panic("stand-in") }

func (k *Key) MustDuration(defaultVal ...time.Duration) time.Duration { panic("stand-in") }
