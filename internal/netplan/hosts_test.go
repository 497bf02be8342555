package netplan

import (
	"strings"
	"testing"
)

func TestStorageHost(t *testing.T) {
	tests := []struct {
		host, service string
		storage       bool
	}{
		{"mystore.blob.core.windows.net", "blob", true},
		{"MyStore.File.Core.Windows.Net", "file", true},
		{"mystore.dfs.core.windows.net.", "dfs", true},
		{"*.blob.core.windows.net", "blob", true},
		{"*.core.windows.net", "", true},
		{"mystore.z13.web.core.windows.net", "web", true},
		{"gov.queue.core.usgovcloudapi.net", "queue", true},
		{"cn.table.core.chinacloudapi.cn", "table", true},
		{"pypi.org", "", false},
		{"files.pythonhosted.org", "", false},
		{"notcore.windows.net", "", false},
		{"mystore.blob.core.windows.net.evil.com", "", false},
		{"myvault.vault.azure.net", "", false},
		{"mcr.microsoft.com", "", false},
	}
	for _, tt := range tests {
		service, ok := StorageHost(tt.host)
		if ok != tt.storage || service != tt.service {
			t.Errorf("StorageHost(%q) = %q, %v; want %q, %v", tt.host, service, ok, tt.service, tt.storage)
		}
	}
}

func TestCheckFQDN(t *testing.T) {
	tests := []struct {
		dest, problem string // "" means valid
	}{
		{"pypi.org", ""},
		{"*.anaconda.org", ""},
		{"conda.anaconda.org", ""},
		{"files.pythonhosted.org", ""},
		{"xn--bcher-kva.example", ""},
		{"", "a host name is required"},
		{"localhost", "not a host name"},
		{"10.1.2.3", "is an IP address"},
		{"pypi.*.org", "leading"},
		{"**.example.com", "leading"},
		{"-pypi.org", "not a host name"},
		{"pypi..org", "not a host name"},
		{"https://pypi.org", "not a host name"},
		{"pypi.org:443", "not a host name"},
		{"10.1.2.300", "not a host name"},
		{strings.Repeat("a", 64) + ".org", "not a host name"},
		{strings.Repeat("abcdefghi.", 26) + "org", "not a host name"},
	}
	for _, tt := range tests {
		err := CheckFQDN(tt.dest)
		switch {
		case tt.problem == "" && err != nil:
			t.Errorf("CheckFQDN(%q) = %v; want valid", tt.dest, err)
		case tt.problem != "" && (err == nil || !strings.Contains(err.Error(), tt.problem)):
			t.Errorf("CheckFQDN(%q) = %v; want an error containing %q", tt.dest, err, tt.problem)
		}
	}
}
