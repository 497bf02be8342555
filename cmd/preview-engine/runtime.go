package main

import (
	"context"
	"errors"
	"fmt"
	"sync"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// languageRuntime serves the program to the engine as the Automation API
// serves an inline program (sdk/go/auto's languageRuntimeServer): the
// engine's "client" runtime connects to it and asks it to Run, and the
// program registers its resources with the engine's resource monitor over
// gRPC, as under the CLI.
type languageRuntime struct {
	pulumirpc.UnimplementedLanguageRuntimeServer

	program pulumi.RunFunc
	address string
	cancel  chan bool
	done    <-chan error

	mu  sync.Mutex
	err error // the program's own error in the last run
}

func startLanguageRuntime(program pulumi.RunFunc) (*languageRuntime, error) {
	rt := &languageRuntime{program: program, cancel: make(chan bool)}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Cancel: rt.cancel,
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, rt)
			return nil
		},
		Options: rpcutil.TracingServerInterceptorOptions(nil),
	})
	if err != nil {
		return nil, err
	}
	rt.address, rt.done = fmt.Sprintf("127.0.0.1:%d", handle.Port), handle.Done
	return rt, nil
}

func (rt *languageRuntime) Close() error {
	rt.cancel <- true
	close(rt.cancel)
	return <-rt.done
}

func (rt *languageRuntime) programError() error {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	return rt.err
}

func (rt *languageRuntime) GetRequiredPlugins(context.Context, *pulumirpc.GetRequiredPluginsRequest) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

func (rt *languageRuntime) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: "1.0.0"}, nil
}

func (rt *languageRuntime) InstallDependencies(*pulumirpc.InstallDependenciesRequest, pulumirpc.LanguageRuntime_InstallDependenciesServer) error {
	return nil
}

func (rt *languageRuntime) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	var engineAddress string
	if len(req.Args) > 0 {
		engineAddress = req.Args[0]
	}
	pctx, err := pulumi.NewContext(ctx, pulumi.RunInfo{
		EngineAddr:       engineAddress,
		MonitorAddr:      req.GetMonitorAddress(),
		Config:           req.GetConfig(),
		ConfigSecretKeys: req.GetConfigSecretKeys(),
		Project:          req.GetProject(),
		Stack:            req.GetStack(),
		Parallel:         req.GetParallel(),
		DryRun:           req.GetDryRun(),
		Organization:     req.GetOrganization(),
	})
	if err != nil {
		return nil, err
	}
	defer pctx.Close()
	var programErr error
	err = func() (err error) {
		defer func() {
			if r := recover(); r != nil {
				if perr, ok := r.(error); ok {
					err = fmt.Errorf("go inline source runtime error, an unhandled error occurred: %w", perr)
				} else {
					err = fmt.Errorf("go inline source runtime error, an unhandled panic occurred: %v", r)
				}
			}
		}()
		return pulumi.RunWithContext(pctx, func(ctx *pulumi.Context) error {
			programErr = rt.program(ctx)
			return programErr
		})
	}()
	rt.mu.Lock()
	rt.err = programErr
	rt.mu.Unlock()
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	return &pulumirpc.RunResponse{}, nil
}

var _ = errors.New
