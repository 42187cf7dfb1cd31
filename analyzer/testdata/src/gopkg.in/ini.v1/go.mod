module gopkg.in/ini.v1

go 1.26.0
