package scan

// libraries finds the pools of Node libraries (stub).
func (a *jsFile) libraries(s *jstream, f *fileScan) {}
