package policyrules

import (
	"fmt"
	"strings"
)

func isVault(r Resource) bool { return isType(r.Type, "keyvault", "Vault") }

var keyVaultDenyByDefault = Policy{
	Name:        "keyvault-deny-by-default",
	Description: "Key vaults deny network access by default (networkAcls default action Deny) and let trusted Microsoft services through (bypass AzureServices), or have public network access disabled.",
	Enforcement: Mandatory,
	Source:      "the 2019 article \"Secure Azure ML experimentation and inference jobs within an Azure Virtual Network\" (docs.microsoft.com/azure/machine-learning/service/how-to-enable-virtual-network), key vault firewall",
	Resource: func(r Resource) []string {
		if !isVault(r) {
			return nil
		}
		if v, st := getString(r.Inputs, "properties", "publicNetworkAccess"); st == known && strings.EqualFold(v, "Disabled") {
			return nil // private endpoints only
		}
		acls, st := getMap(r.Inputs, "properties", "networkAcls")
		switch st {
		case unknown:
			return nil
		case missing:
			return []string{"properties.networkAcls is not set, so Azure lets every network reach the vault that holds the workspace's secrets; set defaultAction Deny, bypass AzureServices and a VNet rule for the training subnet"}
		}
		var out []string
		action, ast := getString(acls, "defaultAction")
		if ast == missing || ast == known && !strings.EqualFold(action, "Deny") {
			shown := action
			if ast == missing {
				shown = "not set (Azure's default is Allow)"
			}
			out = append(out, fmt.Sprintf("properties.networkAcls.defaultAction is %s; set it to Deny", shown))
		}
		if s, bad := bypassLacksAzureServices(acls, "bypass"); bad {
			out = append(out, fmt.Sprintf("properties.networkAcls.bypass is %q; set it to AzureServices so the workspace (a trusted Microsoft service) still reaches the vault", s))
		}
		return out
	},
}

var keyVaultPurgeProtection = Policy{
	Name:        "keyvault-purge-protection",
	Description: "Key vaults keep soft delete on and enable purge protection, so the workspace's secrets cannot be destroyed for good by one delete.",
	Enforcement: Advisory,
	Source:      "https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview",
	Resource: func(r Resource) []string {
		if !isVault(r) {
			return nil
		}
		props, st := getMap(r.Inputs, "properties")
		if st != known {
			return nil
		}
		var out []string
		if v, st := getBool(props, "enablePurgeProtection"); st == missing {
			out = append(out, "properties.enablePurgeProtection is not set, so purge protection is off; set it to true (it cannot be turned off again)")
		} else if st == known && !v {
			out = append(out, "properties.enablePurgeProtection is false; set it to true (it cannot be turned off again)")
		}
		// Missing is fine: soft delete is on by default and cannot be turned off on new vaults.
		if v, st := getBool(props, "enableSoftDelete"); st == known && !v {
			out = append(out, "properties.enableSoftDelete is false; keep soft delete on so deleted secrets can be recovered")
		}
		return out
	},
}
