// Package standin is a stand-in for the azure-native resource provider
// (plugin version 2.92.3) for offline previews: it speaks the engine's gRPC
// ResourceProvider protocol, checks inputs against what azure-native accepts,
// answers with deterministic plausible outputs, and keeps nothing on disk.
// Build cmd/pulumi-resource-azure-native and put its directory first on the
// engine's PATH.
package standin

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"

	"github.com/amlvnet/amlvnet/internal/azureschema"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"
)

// Version is the azure-native plugin version the stand-in claims to be.
const Version = "2.92.3"

// Options configure a Server.
type Options struct {
	// FixturesPath is a JSON file of existing VNets; "" reads FixturesEnv when first needed.
	FixturesPath string
	// LiveDir keeps the resources that exist between the engine operations
	// of a session (see LiveEnv); "" keeps them in memory only.
	LiveDir string
	// SubscriptionID used in IDs unless the provider config sets subscriptionId;
	// "" means DefaultSubscriptionID.
	SubscriptionID string
}

// Server is the stand-in provider. Its methods are safe for concurrent use.
type Server struct {
	pulumirpc.UnimplementedResourceProviderServer

	fixturesPath string

	mu           sync.RWMutex
	subscription string
	tenant       string

	fixOnce sync.Once
	fixVNet VirtualNetworkFixtures
	fixErr  error

	live liveSet
}

var _ pulumirpc.ResourceProviderServer = (*Server)(nil)

// New returns a stand-in provider.
func New(opts Options) *Server {
	sub := opts.SubscriptionID
	if sub == "" {
		sub = DefaultSubscriptionID
	}
	return &Server{fixturesPath: opts.FixturesPath, subscription: sub, tenant: TenantID, live: liveSet{dir: opts.LiveDir}}
}

// Main serves the stand-in as the plugin pulumi-resource-azure-native: it
// listens on a free loopback port, prints the port for the engine, and stops
// when the engine goes away or sends SIGINT. (It does what the SDK's
// go/pulumi/provider.Main does, minus tracing, whose OpenTelemetry bridge
// module the root go.sum does not carry.)
func Main(opts Options) error {
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt)
	defer cancel()

	// Arguments from the engine: [--logtostderr] [-v=N] [--tracing ADDR] ENGINE-ADDRESS.
	var positional []string
	args := os.Args[1:]
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a == "--tracing" || a == "-tracing":
			i++
		case strings.HasPrefix(a, "-"):
		default:
			positional = append(positional, a)
		}
	}
	if len(positional) > 1 {
		return fmt.Errorf("pulumi-resource-azure-native: want at most one argument (the engine address), got %q", positional)
	}
	if len(positional) == 1 {
		ctx2, cancel2 := context.WithCancel(ctx)
		defer cancel2()
		if err := rpcutil.Healthcheck(ctx2, positional[0], 5*time.Minute, cancel2); err != nil {
			return fmt.Errorf("pulumi-resource-azure-native: engine health check: %w", err)
		}
		ctx = ctx2
	}

	stop := make(chan bool)
	go func() {
		<-ctx.Done()
		close(stop)
	}()
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Cancel: stop,
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterResourceProviderServer(srv, New(opts))
			return nil
		},
	})
	if err != nil {
		return fmt.Errorf("pulumi-resource-azure-native: %w", err)
	}
	fmt.Printf("%d\n", handle.Port) // the protocol: the engine reads the port from stdout
	return <-handle.Done
}

// azure is the Azure the stand-in answers as, with the subscription and
// tenant the provider configuration gives.
func (s *Server) azure() Azure {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return Azure{Subscription: s.subscription, Tenant: s.tenant}
}

func (s *Server) fixtures() (VirtualNetworkFixtures, error) {
	s.fixOnce.Do(func() {
		path := s.fixturesPath
		if path == "" {
			path = os.Getenv(FixturesEnv)
		}
		if path != "" {
			s.fixVNet, s.fixErr = LoadFixtures(path)
		}
	})
	return s.fixVNet, s.fixErr
}

var rpcOpts = plugin.MarshalOptions{KeepUnknowns: true, KeepSecrets: true, KeepResources: true}

func unmarshal(st *structpb.Struct, label string) (resource.PropertyMap, error) {
	if st == nil {
		return resource.PropertyMap{}, nil
	}
	o := rpcOpts
	o.Label = label
	m, err := plugin.UnmarshalProperties(st, o)
	if err != nil {
		return nil, fmt.Errorf("stand-in azure-native: %s: %w", label, err)
	}
	return m, nil
}

func marshal(m resource.PropertyMap) (*structpb.Struct, error) {
	return plugin.MarshalProperties(m, rpcOpts)
}

// tokenOf returns the resource type token of a request.
func tokenOf(typ, urn string) string {
	if typ != "" {
		return typ
	}
	if urn == "" {
		return ""
	}
	return string(resource.URN(urn).Type())
}

func nameOf(name, urn string) string {
	if name != "" || urn == "" {
		return name
	}
	return resource.URN(urn).Name()
}

// ---- plugin and configuration -------------------------------------------

func (s *Server) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: Version}, nil
}

func (s *Server) GetSchema(context.Context, *pulumirpc.GetSchemaRequest) (*pulumirpc.GetSchemaResponse, error) {
	return &pulumirpc.GetSchemaResponse{Schema: `{"name":"azure-native","displayName":"Azure Native (offline stand-in)","version":"` + Version + `"}`}, nil
}

func (s *Server) CheckConfig(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	return &pulumirpc.CheckResponse{Inputs: req.GetNews()}, nil
}

func (s *Server) DiffConfig(context.Context, *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_NONE}, nil
}

func (s *Server) Configure(_ context.Context, req *pulumirpc.ConfigureRequest) (*pulumirpc.ConfigureResponse, error) {
	get := func(key string) string {
		if args, err := unmarshal(req.GetArgs(), "config"); err == nil {
			if v := strAt(args, key); v != "" {
				return v
			}
		}
		return ""
	}
	s.mu.Lock()
	if v := get("subscriptionId"); v != "" {
		s.subscription = v
	}
	if v := get("tenantId"); v != "" {
		s.tenant = v
	}
	s.mu.Unlock()
	return &pulumirpc.ConfigureResponse{AcceptSecrets: true, SupportsPreview: true}, nil
}

func (s *Server) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

func (s *Server) GetMapping(context.Context, *pulumirpc.GetMappingRequest) (*pulumirpc.GetMappingResponse, error) {
	return &pulumirpc.GetMappingResponse{}, nil
}

func (s *Server) GetMappings(context.Context, *pulumirpc.GetMappingsRequest) (*pulumirpc.GetMappingsResponse, error) {
	return &pulumirpc.GetMappingsResponse{}, nil
}

// ---- resources ------------------------------------------------------------

// Check returns the inputs as given and a failure for each input azure-native
// would reject (see Checker).
func (s *Server) Check(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	token := tokenOf(req.GetType(), req.GetUrn())
	news, err := unmarshal(req.GetNews(), "check.news")
	if err != nil {
		return nil, err
	}
	resName := fmt.Sprintf("%s %q", token, nameOf(req.GetName(), req.GetUrn()))
	resp := &pulumirpc.CheckResponse{Inputs: req.GetNews()}
	for _, f := range CheckInputs(token, resName, news) {
		resp.Failures = append(resp.Failures, &pulumirpc.CheckFailure{Property: f.Property, Reason: f.Reason})
	}
	return resp, nil
}

// replaceKeys are the inputs whose change makes azure-native replace a
// resource the schema data does not describe: the URL path parameters
// (resource group and names) and location.
var replaceKeys = []string{
	"resourceGroupName", "location",
	"virtualNetworkName", "subnetName", "networkSecurityGroupName", "securityRuleName", "routeTableName", "routeName",
	"accountName", "vaultName", "registryName", "workspaceName", "computeName", "resourceName",
	"privateEndpointName", "privateZoneName", "virtualNetworkLinkName", "privateDnsZoneGroupName",
	"roleAssignmentName", "scope",
}

// replaceByToken are the token-specific force-new inputs of tokens the
// schema data does not describe.
var replaceByToken = map[string][]string{
	"azure-native:storage:StorageAccount": {"kind"},
}

// replacesOn tells whether a change of input key replaces the resource. For
// a token the schema data describes, its replaceOnChanges is the one answer
// (a workspace's or a compute's location is not among them: azure-native
// sends the change to Azure, which refuses it); for the others, the generic
// keys above and the token's own.
func replacesOn(token, key string) bool {
	if r, ok := azureschema.Default().Resource(token); ok {
		return slices.Contains(r.ReplaceOnChanges, key)
	}
	return slices.Contains(replaceKeys, key) || slices.Contains(replaceByToken[token], key)
}

// stripSecrets removes secret wrappers (and known output wrappers) at every depth.
func stripSecrets(v resource.PropertyValue) resource.PropertyValue {
	v = unwrap(v)
	switch {
	case v.IsArray():
		arr := make([]resource.PropertyValue, len(v.ArrayValue()))
		for i, e := range v.ArrayValue() {
			arr[i] = stripSecrets(e)
		}
		return resource.NewArrayProperty(arr)
	case v.IsObject():
		m := resource.PropertyMap{}
		for k, e := range v.ObjectValue() {
			if e2 := stripSecrets(e); !e2.IsNull() {
				m[k] = e2
			}
		}
		return resource.NewObjectProperty(m)
	}
	return v
}

func sameValue(key string, o, n resource.PropertyValue) bool {
	o, n = stripSecrets(o), stripSecrets(n)
	if key == "location" && o.IsString() && n.IsString() { // "East US 2" == "eastus2", as ARM normalizes it
		norm := func(s string) string { return strings.ToLower(strings.ReplaceAll(s, " ", "")) }
		return norm(o.StringValue()) == norm(n.StringValue())
	}
	return o.DeepEquals(n)
}

// Diff compares the old inputs with the new ones.
func (s *Server) Diff(_ context.Context, req *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	token := tokenOf(req.GetType(), req.GetUrn())
	oldSt := req.GetOldInputs()
	if oldSt == nil {
		oldSt = req.GetOlds()
	}
	olds, err := unmarshal(oldSt, "diff.olds")
	if err != nil {
		return nil, err
	}
	news, err := unmarshal(req.GetNews(), "diff.news")
	if err != nil {
		return nil, err
	}
	keys := map[resource.PropertyKey]bool{}
	for k := range olds {
		keys[k] = true
	}
	for k := range news {
		keys[k] = true
	}
	sorted := make([]string, 0, len(keys))
	for k := range keys {
		if !slices.Contains(req.GetIgnoreChanges(), string(k)) && !resource.IsInternalPropertyKey(k) {
			sorted = append(sorted, string(k))
		}
	}
	sort.Strings(sorted)

	resp := &pulumirpc.DiffResponse{
		Changes:         pulumirpc.DiffResponse_DIFF_NONE,
		DetailedDiff:    map[string]*pulumirpc.PropertyDiff{},
		HasDetailedDiff: true,
	}
	for _, k := range sorted {
		o, n := olds[resource.PropertyKey(k)], news[resource.PropertyKey(k)]
		if sameValue(k, o, n) {
			continue
		}
		kind := pulumirpc.PropertyDiff_UPDATE
		switch {
		case stripSecrets(o).IsNull():
			kind = pulumirpc.PropertyDiff_ADD
		case stripSecrets(n).IsNull():
			kind = pulumirpc.PropertyDiff_DELETE
		}
		if replacesOn(token, k) {
			kind += pulumirpc.PropertyDiff_ADD_REPLACE - pulumirpc.PropertyDiff_ADD
			resp.Replaces = append(resp.Replaces, k)
		}
		resp.Diffs = append(resp.Diffs, k)
		resp.DetailedDiff[k] = &pulumirpc.PropertyDiff{Kind: kind, InputDiff: true}
	}
	for _, path := range nestedReplaces(token, olds, news) {
		resp.DetailedDiff[path] = &pulumirpc.PropertyDiff{Kind: pulumirpc.PropertyDiff_UPDATE_REPLACE, InputDiff: true}
		top, _, _ := strings.Cut(path, ".")
		if !slices.Contains(resp.Replaces, top) {
			resp.Replaces = append(resp.Replaces, top)
		}
	}
	if len(resp.Diffs) > 0 {
		resp.Changes = pulumirpc.DiffResponse_DIFF_SOME
	}
	resp.DeleteBeforeReplace = false
	return resp, nil
}

// Create answers with the inputs plus plausible outputs; with preview, no ID
// and the computed outputs unknown.
func (s *Server) Create(_ context.Context, req *pulumirpc.CreateRequest) (*pulumirpc.CreateResponse, error) {
	token := tokenOf(req.GetType(), req.GetUrn())
	urn := resource.URN(req.GetUrn())
	inputs, err := unmarshal(req.GetProperties(), "create.properties")
	if err != nil {
		return nil, err
	}
	az := s.azure()
	name := resourceName(token, urn, inputs)
	id := az.ID(token, name, inputs)
	props, err := marshal(MergeOutputs(inputs, az.Outputs(token, urn, name, id, inputs), req.GetPreview()))
	if err != nil {
		return nil, err
	}
	if req.GetPreview() {
		return &pulumirpc.CreateResponse{Properties: props}, nil
	}
	if err := s.refuseCreate(token, id, inputs); err != nil {
		return nil, err
	}
	if d, slow := slowCreates[token]; slow {
		// Azure takes minutes for these; a moment here keeps the order of
		// a deployment honest, so that what does not wait for them fails.
		time.Sleep(d)
	}
	if err := s.live.put(token, id, inputs); err != nil {
		return nil, err
	}
	return &pulumirpc.CreateResponse{Id: id, Properties: props}, nil
}

// Read returns the stored state; given only an ID (import), it synthesizes
// the state from the ID (and from the fixtures for a known VNet).
func (s *Server) Read(_ context.Context, req *pulumirpc.ReadRequest) (*pulumirpc.ReadResponse, error) {
	if len(req.GetProperties().GetFields()) > 0 {
		return &pulumirpc.ReadResponse{Id: req.GetId(), Properties: req.GetProperties(), Inputs: req.GetInputs()}, nil
	}
	token := tokenOf(req.GetType(), req.GetUrn())
	p, ok := parseARMID(req.GetId())
	if !ok {
		return &pulumirpc.ReadResponse{}, nil // not an ARM ID: the resource does not exist
	}
	k := kindOf(token)
	inputs := resource.PropertyMap{}
	name := p.resourceGroup
	if token != "azure-native:resources:ResourceGroup" {
		inputs["resourceGroupName"] = resource.NewStringProperty(p.resourceGroup)
		if len(p.names) > 0 {
			name = p.names[len(p.names)-1]
		}
		if k.parentKey != "" && len(p.names) > 1 {
			inputs[resource.PropertyKey(k.parentKey)] = resource.NewStringProperty(p.names[len(p.names)-2])
		}
	}
	inputs[resource.PropertyKey(k.nameKey)] = resource.NewStringProperty(name)
	outputs := inputs.Copy()
	outputs["id"] = resource.NewStringProperty(req.GetId())
	outputs["name"] = resource.NewStringProperty(name)
	outputs["type"] = resource.NewStringProperty(k.armType())
	outputs["provisioningState"] = resource.NewStringProperty("Succeeded")
	if token == "azure-native:network:VirtualNetwork" {
		fixtures, _ := s.fixtures() // an unreadable file fails the lookups that need it
		if v, rg, vname, ok := fixtures.Find(p.resourceGroup, name); ok {
			for key, val := range s.azure().VirtualNetwork(rg, vname, v) {
				outputs[key] = val
			}
			inputs["location"] = outputs["location"]
			inputs["addressSpace"] = outputs["addressSpace"]
		}
	}
	outSt, err := marshal(outputs)
	if err != nil {
		return nil, err
	}
	inSt, err := marshal(inputs)
	if err != nil {
		return nil, err
	}
	if err := s.live.put(token, req.GetId(), inputs); err != nil {
		return nil, err
	}
	return &pulumirpc.ReadResponse{Id: req.GetId(), Properties: outSt, Inputs: inSt}, nil
}

// Update returns the new inputs plus the old outputs that are not inputs.
func (s *Server) Update(_ context.Context, req *pulumirpc.UpdateRequest) (*pulumirpc.UpdateResponse, error) {
	olds, err := unmarshal(req.GetOlds(), "update.olds")
	if err != nil {
		return nil, err
	}
	oldInputs, err := unmarshal(req.GetOldInputs(), "update.oldInputs")
	if err != nil {
		return nil, err
	}
	news, err := unmarshal(req.GetNews(), "update.news")
	if err != nil {
		return nil, err
	}
	token := tokenOf(req.GetType(), req.GetUrn())
	if !req.GetPreview() {
		if err := refuseUpdate(token, req.GetId(), oldInputs, news); err != nil {
			return nil, err
		}
		if err := s.live.put(token, req.GetId(), news); err != nil {
			return nil, err
		}
	}
	out := news.Copy()
	for k, v := range olds {
		if _, wasInput := oldInputs[k]; wasInput {
			continue
		}
		if _, isInput := news[k]; !isInput {
			out[k] = v
		}
	}
	props, err := marshal(out)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.UpdateResponse{Properties: props}, nil
}

// Delete refuses what Azure refuses to delete, and forgets the resource.
func (s *Server) Delete(_ context.Context, req *pulumirpc.DeleteRequest) (*emptypb.Empty, error) {
	if err := s.refuseDelete(tokenOf(req.GetType(), req.GetUrn()), req.GetId()); err != nil {
		return nil, err
	}
	return &emptypb.Empty{}, s.live.remove(req.GetId())
}

// Invoke answers getClientConfig, getVirtualNetwork and getSubnet.
func (s *Server) Invoke(_ context.Context, req *pulumirpc.InvokeRequest) (*pulumirpc.InvokeResponse, error) {
	args, err := unmarshal(req.GetArgs(), "invoke.args")
	if err != nil {
		return nil, err
	}
	fixtures, err := s.fixtures()
	if err != nil && strings.HasPrefix(req.GetTok(), "azure-native:network:") { // the VNet lookups need the file
		return nil, err
	}
	ret, err := s.azure().Invoke(fixtures, req.GetTok(), args)
	if err != nil {
		return nil, err
	}
	st, err := marshal(ret)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.InvokeResponse{Return: st}, nil
}
