package azureml

import (
	"context"
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Input/output plumbing of the nested input types in types.go, in the generated SDK's shape.
// For a type T: TArgs.ElementType() is T; TInput accepts TArgs and TOutput; TPtrInput accepts
// TArgs, &TArgs{...}, TPtr(&TArgs{...}) and TPtrOutput; TOutput/TPtrOutput carry resolved values.

// ---- ManagedServiceIdentity ----

// ManagedServiceIdentityInput accepts ManagedServiceIdentityArgs and ManagedServiceIdentityOutput values.
type ManagedServiceIdentityInput interface {
	pulumi.Input

	ToManagedServiceIdentityOutput() ManagedServiceIdentityOutput
	ToManagedServiceIdentityOutputWithContext(context.Context) ManagedServiceIdentityOutput
}

func (ManagedServiceIdentityArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*ManagedServiceIdentity)(nil)).Elem()
}

func (i ManagedServiceIdentityArgs) ToManagedServiceIdentityOutput() ManagedServiceIdentityOutput {
	return i.ToManagedServiceIdentityOutputWithContext(context.Background())
}

func (i ManagedServiceIdentityArgs) ToManagedServiceIdentityOutputWithContext(ctx context.Context) ManagedServiceIdentityOutput {
	return pulumi.ToOutputWithContext(ctx, i).(ManagedServiceIdentityOutput)
}

// ManagedServiceIdentityOutput is an output of ManagedServiceIdentity values.
type ManagedServiceIdentityOutput struct{ *pulumi.OutputState }

func (ManagedServiceIdentityOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*ManagedServiceIdentity)(nil)).Elem()
}

func (o ManagedServiceIdentityOutput) ToManagedServiceIdentityOutput() ManagedServiceIdentityOutput {
	return o
}

func (o ManagedServiceIdentityOutput) ToManagedServiceIdentityOutputWithContext(ctx context.Context) ManagedServiceIdentityOutput {
	return o
}

func (i ManagedServiceIdentityArgs) ToManagedServiceIdentityPtrOutput() ManagedServiceIdentityPtrOutput {
	return i.ToManagedServiceIdentityPtrOutputWithContext(context.Background())
}

func (i ManagedServiceIdentityArgs) ToManagedServiceIdentityPtrOutputWithContext(ctx context.Context) ManagedServiceIdentityPtrOutput {
	return pulumi.ToOutputWithContext(ctx, i).(ManagedServiceIdentityOutput).ToManagedServiceIdentityPtrOutputWithContext(ctx)
}

// ManagedServiceIdentityPtrInput accepts ManagedServiceIdentityArgs, *ManagedServiceIdentityArgs, ManagedServiceIdentityPtr(...) and ManagedServiceIdentityPtrOutput values, or nil.
type ManagedServiceIdentityPtrInput interface {
	pulumi.Input

	ToManagedServiceIdentityPtrOutput() ManagedServiceIdentityPtrOutput
	ToManagedServiceIdentityPtrOutputWithContext(context.Context) ManagedServiceIdentityPtrOutput
}

// ManagedServiceIdentityPtr turns *ManagedServiceIdentityArgs into a ManagedServiceIdentityPtrInput (nil stays nil). It returns v itself: unlike the
// generated SDK's wrapper type, which the sdk v3.274.1 marshaller rejects when the destination
// field is a pointer ("cannot assign ...PtrType to ..."), *ManagedServiceIdentityArgs marshals as a ManagedServiceIdentity.
func ManagedServiceIdentityPtr(v *ManagedServiceIdentityArgs) ManagedServiceIdentityPtrInput {
	return v
}

func (o ManagedServiceIdentityOutput) ToManagedServiceIdentityPtrOutput() ManagedServiceIdentityPtrOutput {
	return o.ToManagedServiceIdentityPtrOutputWithContext(context.Background())
}

func (o ManagedServiceIdentityOutput) ToManagedServiceIdentityPtrOutputWithContext(ctx context.Context) ManagedServiceIdentityPtrOutput {
	return o.ApplyTWithContext(ctx, func(_ context.Context, v ManagedServiceIdentity) *ManagedServiceIdentity {
		return &v
	}).(ManagedServiceIdentityPtrOutput)
}

// ManagedServiceIdentityPtrOutput is an output of optional ManagedServiceIdentity values.
type ManagedServiceIdentityPtrOutput struct{ *pulumi.OutputState }

func (ManagedServiceIdentityPtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**ManagedServiceIdentity)(nil)).Elem()
}

func (o ManagedServiceIdentityPtrOutput) ToManagedServiceIdentityPtrOutput() ManagedServiceIdentityPtrOutput {
	return o
}

func (o ManagedServiceIdentityPtrOutput) ToManagedServiceIdentityPtrOutputWithContext(ctx context.Context) ManagedServiceIdentityPtrOutput {
	return o
}

// Elem returns the value, or the zero ManagedServiceIdentity when it is nil.
func (o ManagedServiceIdentityPtrOutput) Elem() ManagedServiceIdentityOutput {
	return o.ApplyT(func(v *ManagedServiceIdentity) ManagedServiceIdentity {
		if v != nil {
			return *v
		}
		var ret ManagedServiceIdentity
		return ret
	}).(ManagedServiceIdentityOutput)
}

// ---- Sku ----

// SkuInput accepts SkuArgs and SkuOutput values.
type SkuInput interface {
	pulumi.Input

	ToSkuOutput() SkuOutput
	ToSkuOutputWithContext(context.Context) SkuOutput
}

func (SkuArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*Sku)(nil)).Elem()
}

func (i SkuArgs) ToSkuOutput() SkuOutput {
	return i.ToSkuOutputWithContext(context.Background())
}

func (i SkuArgs) ToSkuOutputWithContext(ctx context.Context) SkuOutput {
	return pulumi.ToOutputWithContext(ctx, i).(SkuOutput)
}

// SkuOutput is an output of Sku values.
type SkuOutput struct{ *pulumi.OutputState }

func (SkuOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*Sku)(nil)).Elem()
}

func (o SkuOutput) ToSkuOutput() SkuOutput {
	return o
}

func (o SkuOutput) ToSkuOutputWithContext(ctx context.Context) SkuOutput {
	return o
}

func (i SkuArgs) ToSkuPtrOutput() SkuPtrOutput {
	return i.ToSkuPtrOutputWithContext(context.Background())
}

func (i SkuArgs) ToSkuPtrOutputWithContext(ctx context.Context) SkuPtrOutput {
	return pulumi.ToOutputWithContext(ctx, i).(SkuOutput).ToSkuPtrOutputWithContext(ctx)
}

// SkuPtrInput accepts SkuArgs, *SkuArgs, SkuPtr(...) and SkuPtrOutput values, or nil.
type SkuPtrInput interface {
	pulumi.Input

	ToSkuPtrOutput() SkuPtrOutput
	ToSkuPtrOutputWithContext(context.Context) SkuPtrOutput
}

// SkuPtr turns *SkuArgs into a SkuPtrInput (nil stays nil). It returns v itself: unlike the
// generated SDK's wrapper type, which the sdk v3.274.1 marshaller rejects when the destination
// field is a pointer ("cannot assign ...PtrType to ..."), *SkuArgs marshals as a Sku.
func SkuPtr(v *SkuArgs) SkuPtrInput {
	return v
}

func (o SkuOutput) ToSkuPtrOutput() SkuPtrOutput {
	return o.ToSkuPtrOutputWithContext(context.Background())
}

func (o SkuOutput) ToSkuPtrOutputWithContext(ctx context.Context) SkuPtrOutput {
	return o.ApplyTWithContext(ctx, func(_ context.Context, v Sku) *Sku {
		return &v
	}).(SkuPtrOutput)
}

// SkuPtrOutput is an output of optional Sku values.
type SkuPtrOutput struct{ *pulumi.OutputState }

func (SkuPtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**Sku)(nil)).Elem()
}

func (o SkuPtrOutput) ToSkuPtrOutput() SkuPtrOutput {
	return o
}

func (o SkuPtrOutput) ToSkuPtrOutputWithContext(ctx context.Context) SkuPtrOutput {
	return o
}

// Elem returns the value, or the zero Sku when it is nil.
func (o SkuPtrOutput) Elem() SkuOutput {
	return o.ApplyT(func(v *Sku) Sku {
		if v != nil {
			return *v
		}
		var ret Sku
		return ret
	}).(SkuOutput)
}

// ---- AmlComputeProperties ----

// AmlComputePropertiesInput accepts AmlComputePropertiesArgs and AmlComputePropertiesOutput values.
type AmlComputePropertiesInput interface {
	pulumi.Input

	ToAmlComputePropertiesOutput() AmlComputePropertiesOutput
	ToAmlComputePropertiesOutputWithContext(context.Context) AmlComputePropertiesOutput
}

func (AmlComputePropertiesArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*AmlComputeProperties)(nil)).Elem()
}

func (i AmlComputePropertiesArgs) ToAmlComputePropertiesOutput() AmlComputePropertiesOutput {
	return i.ToAmlComputePropertiesOutputWithContext(context.Background())
}

func (i AmlComputePropertiesArgs) ToAmlComputePropertiesOutputWithContext(ctx context.Context) AmlComputePropertiesOutput {
	return pulumi.ToOutputWithContext(ctx, i).(AmlComputePropertiesOutput)
}

// AmlComputePropertiesOutput is an output of AmlComputeProperties values.
type AmlComputePropertiesOutput struct{ *pulumi.OutputState }

func (AmlComputePropertiesOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*AmlComputeProperties)(nil)).Elem()
}

func (o AmlComputePropertiesOutput) ToAmlComputePropertiesOutput() AmlComputePropertiesOutput {
	return o
}

func (o AmlComputePropertiesOutput) ToAmlComputePropertiesOutputWithContext(ctx context.Context) AmlComputePropertiesOutput {
	return o
}

func (i AmlComputePropertiesArgs) ToAmlComputePropertiesPtrOutput() AmlComputePropertiesPtrOutput {
	return i.ToAmlComputePropertiesPtrOutputWithContext(context.Background())
}

func (i AmlComputePropertiesArgs) ToAmlComputePropertiesPtrOutputWithContext(ctx context.Context) AmlComputePropertiesPtrOutput {
	return pulumi.ToOutputWithContext(ctx, i).(AmlComputePropertiesOutput).ToAmlComputePropertiesPtrOutputWithContext(ctx)
}

// AmlComputePropertiesPtrInput accepts AmlComputePropertiesArgs, *AmlComputePropertiesArgs, AmlComputePropertiesPtr(...) and AmlComputePropertiesPtrOutput values, or nil.
type AmlComputePropertiesPtrInput interface {
	pulumi.Input

	ToAmlComputePropertiesPtrOutput() AmlComputePropertiesPtrOutput
	ToAmlComputePropertiesPtrOutputWithContext(context.Context) AmlComputePropertiesPtrOutput
}

// AmlComputePropertiesPtr turns *AmlComputePropertiesArgs into a AmlComputePropertiesPtrInput (nil stays nil). It returns v itself: unlike the
// generated SDK's wrapper type, which the sdk v3.274.1 marshaller rejects when the destination
// field is a pointer ("cannot assign ...PtrType to ..."), *AmlComputePropertiesArgs marshals as a AmlComputeProperties.
func AmlComputePropertiesPtr(v *AmlComputePropertiesArgs) AmlComputePropertiesPtrInput {
	return v
}

func (o AmlComputePropertiesOutput) ToAmlComputePropertiesPtrOutput() AmlComputePropertiesPtrOutput {
	return o.ToAmlComputePropertiesPtrOutputWithContext(context.Background())
}

func (o AmlComputePropertiesOutput) ToAmlComputePropertiesPtrOutputWithContext(ctx context.Context) AmlComputePropertiesPtrOutput {
	return o.ApplyTWithContext(ctx, func(_ context.Context, v AmlComputeProperties) *AmlComputeProperties {
		return &v
	}).(AmlComputePropertiesPtrOutput)
}

// AmlComputePropertiesPtrOutput is an output of optional AmlComputeProperties values.
type AmlComputePropertiesPtrOutput struct{ *pulumi.OutputState }

func (AmlComputePropertiesPtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**AmlComputeProperties)(nil)).Elem()
}

func (o AmlComputePropertiesPtrOutput) ToAmlComputePropertiesPtrOutput() AmlComputePropertiesPtrOutput {
	return o
}

func (o AmlComputePropertiesPtrOutput) ToAmlComputePropertiesPtrOutputWithContext(ctx context.Context) AmlComputePropertiesPtrOutput {
	return o
}

// Elem returns the value, or the zero AmlComputeProperties when it is nil.
func (o AmlComputePropertiesPtrOutput) Elem() AmlComputePropertiesOutput {
	return o.ApplyT(func(v *AmlComputeProperties) AmlComputeProperties {
		if v != nil {
			return *v
		}
		var ret AmlComputeProperties
		return ret
	}).(AmlComputePropertiesOutput)
}

// ---- ScaleSettings ----

// ScaleSettingsInput accepts ScaleSettingsArgs and ScaleSettingsOutput values.
type ScaleSettingsInput interface {
	pulumi.Input

	ToScaleSettingsOutput() ScaleSettingsOutput
	ToScaleSettingsOutputWithContext(context.Context) ScaleSettingsOutput
}

func (ScaleSettingsArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*ScaleSettings)(nil)).Elem()
}

func (i ScaleSettingsArgs) ToScaleSettingsOutput() ScaleSettingsOutput {
	return i.ToScaleSettingsOutputWithContext(context.Background())
}

func (i ScaleSettingsArgs) ToScaleSettingsOutputWithContext(ctx context.Context) ScaleSettingsOutput {
	return pulumi.ToOutputWithContext(ctx, i).(ScaleSettingsOutput)
}

// ScaleSettingsOutput is an output of ScaleSettings values.
type ScaleSettingsOutput struct{ *pulumi.OutputState }

func (ScaleSettingsOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*ScaleSettings)(nil)).Elem()
}

func (o ScaleSettingsOutput) ToScaleSettingsOutput() ScaleSettingsOutput {
	return o
}

func (o ScaleSettingsOutput) ToScaleSettingsOutputWithContext(ctx context.Context) ScaleSettingsOutput {
	return o
}

func (i ScaleSettingsArgs) ToScaleSettingsPtrOutput() ScaleSettingsPtrOutput {
	return i.ToScaleSettingsPtrOutputWithContext(context.Background())
}

func (i ScaleSettingsArgs) ToScaleSettingsPtrOutputWithContext(ctx context.Context) ScaleSettingsPtrOutput {
	return pulumi.ToOutputWithContext(ctx, i).(ScaleSettingsOutput).ToScaleSettingsPtrOutputWithContext(ctx)
}

// ScaleSettingsPtrInput accepts ScaleSettingsArgs, *ScaleSettingsArgs, ScaleSettingsPtr(...) and ScaleSettingsPtrOutput values, or nil.
type ScaleSettingsPtrInput interface {
	pulumi.Input

	ToScaleSettingsPtrOutput() ScaleSettingsPtrOutput
	ToScaleSettingsPtrOutputWithContext(context.Context) ScaleSettingsPtrOutput
}

// ScaleSettingsPtr turns *ScaleSettingsArgs into a ScaleSettingsPtrInput (nil stays nil). It returns v itself: unlike the
// generated SDK's wrapper type, which the sdk v3.274.1 marshaller rejects when the destination
// field is a pointer ("cannot assign ...PtrType to ..."), *ScaleSettingsArgs marshals as a ScaleSettings.
func ScaleSettingsPtr(v *ScaleSettingsArgs) ScaleSettingsPtrInput {
	return v
}

func (o ScaleSettingsOutput) ToScaleSettingsPtrOutput() ScaleSettingsPtrOutput {
	return o.ToScaleSettingsPtrOutputWithContext(context.Background())
}

func (o ScaleSettingsOutput) ToScaleSettingsPtrOutputWithContext(ctx context.Context) ScaleSettingsPtrOutput {
	return o.ApplyTWithContext(ctx, func(_ context.Context, v ScaleSettings) *ScaleSettings {
		return &v
	}).(ScaleSettingsPtrOutput)
}

// ScaleSettingsPtrOutput is an output of optional ScaleSettings values.
type ScaleSettingsPtrOutput struct{ *pulumi.OutputState }

func (ScaleSettingsPtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**ScaleSettings)(nil)).Elem()
}

func (o ScaleSettingsPtrOutput) ToScaleSettingsPtrOutput() ScaleSettingsPtrOutput {
	return o
}

func (o ScaleSettingsPtrOutput) ToScaleSettingsPtrOutputWithContext(ctx context.Context) ScaleSettingsPtrOutput {
	return o
}

// Elem returns the value, or the zero ScaleSettings when it is nil.
func (o ScaleSettingsPtrOutput) Elem() ScaleSettingsOutput {
	return o.ApplyT(func(v *ScaleSettings) ScaleSettings {
		if v != nil {
			return *v
		}
		var ret ScaleSettings
		return ret
	}).(ScaleSettingsOutput)
}

// ---- ResourceId ----

// ResourceIdInput accepts ResourceIdArgs and ResourceIdOutput values.
type ResourceIdInput interface {
	pulumi.Input

	ToResourceIdOutput() ResourceIdOutput
	ToResourceIdOutputWithContext(context.Context) ResourceIdOutput
}

func (ResourceIdArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*ResourceId)(nil)).Elem()
}

func (i ResourceIdArgs) ToResourceIdOutput() ResourceIdOutput {
	return i.ToResourceIdOutputWithContext(context.Background())
}

func (i ResourceIdArgs) ToResourceIdOutputWithContext(ctx context.Context) ResourceIdOutput {
	return pulumi.ToOutputWithContext(ctx, i).(ResourceIdOutput)
}

// ResourceIdOutput is an output of ResourceId values.
type ResourceIdOutput struct{ *pulumi.OutputState }

func (ResourceIdOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*ResourceId)(nil)).Elem()
}

func (o ResourceIdOutput) ToResourceIdOutput() ResourceIdOutput {
	return o
}

func (o ResourceIdOutput) ToResourceIdOutputWithContext(ctx context.Context) ResourceIdOutput {
	return o
}

func (i ResourceIdArgs) ToResourceIdPtrOutput() ResourceIdPtrOutput {
	return i.ToResourceIdPtrOutputWithContext(context.Background())
}

func (i ResourceIdArgs) ToResourceIdPtrOutputWithContext(ctx context.Context) ResourceIdPtrOutput {
	return pulumi.ToOutputWithContext(ctx, i).(ResourceIdOutput).ToResourceIdPtrOutputWithContext(ctx)
}

// ResourceIdPtrInput accepts ResourceIdArgs, *ResourceIdArgs, ResourceIdPtr(...) and ResourceIdPtrOutput values, or nil.
type ResourceIdPtrInput interface {
	pulumi.Input

	ToResourceIdPtrOutput() ResourceIdPtrOutput
	ToResourceIdPtrOutputWithContext(context.Context) ResourceIdPtrOutput
}

// ResourceIdPtr turns *ResourceIdArgs into a ResourceIdPtrInput (nil stays nil). It returns v itself: unlike the
// generated SDK's wrapper type, which the sdk v3.274.1 marshaller rejects when the destination
// field is a pointer ("cannot assign ...PtrType to ..."), *ResourceIdArgs marshals as a ResourceId.
func ResourceIdPtr(v *ResourceIdArgs) ResourceIdPtrInput {
	return v
}

func (o ResourceIdOutput) ToResourceIdPtrOutput() ResourceIdPtrOutput {
	return o.ToResourceIdPtrOutputWithContext(context.Background())
}

func (o ResourceIdOutput) ToResourceIdPtrOutputWithContext(ctx context.Context) ResourceIdPtrOutput {
	return o.ApplyTWithContext(ctx, func(_ context.Context, v ResourceId) *ResourceId {
		return &v
	}).(ResourceIdPtrOutput)
}

// ResourceIdPtrOutput is an output of optional ResourceId values.
type ResourceIdPtrOutput struct{ *pulumi.OutputState }

func (ResourceIdPtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**ResourceId)(nil)).Elem()
}

func (o ResourceIdPtrOutput) ToResourceIdPtrOutput() ResourceIdPtrOutput {
	return o
}

func (o ResourceIdPtrOutput) ToResourceIdPtrOutputWithContext(ctx context.Context) ResourceIdPtrOutput {
	return o
}

// Elem returns the value, or the zero ResourceId when it is nil.
func (o ResourceIdPtrOutput) Elem() ResourceIdOutput {
	return o.ApplyT(func(v *ResourceId) ResourceId {
		if v != nil {
			return *v
		}
		var ret ResourceId
		return ret
	}).(ResourceIdOutput)
}

// ---- UserAccountCredentials ----

// UserAccountCredentialsInput accepts UserAccountCredentialsArgs and UserAccountCredentialsOutput values.
type UserAccountCredentialsInput interface {
	pulumi.Input

	ToUserAccountCredentialsOutput() UserAccountCredentialsOutput
	ToUserAccountCredentialsOutputWithContext(context.Context) UserAccountCredentialsOutput
}

func (UserAccountCredentialsArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*UserAccountCredentials)(nil)).Elem()
}

func (i UserAccountCredentialsArgs) ToUserAccountCredentialsOutput() UserAccountCredentialsOutput {
	return i.ToUserAccountCredentialsOutputWithContext(context.Background())
}

func (i UserAccountCredentialsArgs) ToUserAccountCredentialsOutputWithContext(ctx context.Context) UserAccountCredentialsOutput {
	return pulumi.ToOutputWithContext(ctx, i).(UserAccountCredentialsOutput)
}

// UserAccountCredentialsOutput is an output of UserAccountCredentials values.
type UserAccountCredentialsOutput struct{ *pulumi.OutputState }

func (UserAccountCredentialsOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*UserAccountCredentials)(nil)).Elem()
}

func (o UserAccountCredentialsOutput) ToUserAccountCredentialsOutput() UserAccountCredentialsOutput {
	return o
}

func (o UserAccountCredentialsOutput) ToUserAccountCredentialsOutputWithContext(ctx context.Context) UserAccountCredentialsOutput {
	return o
}

func (i UserAccountCredentialsArgs) ToUserAccountCredentialsPtrOutput() UserAccountCredentialsPtrOutput {
	return i.ToUserAccountCredentialsPtrOutputWithContext(context.Background())
}

func (i UserAccountCredentialsArgs) ToUserAccountCredentialsPtrOutputWithContext(ctx context.Context) UserAccountCredentialsPtrOutput {
	return pulumi.ToOutputWithContext(ctx, i).(UserAccountCredentialsOutput).ToUserAccountCredentialsPtrOutputWithContext(ctx)
}

// UserAccountCredentialsPtrInput accepts UserAccountCredentialsArgs, *UserAccountCredentialsArgs, UserAccountCredentialsPtr(...) and UserAccountCredentialsPtrOutput values, or nil.
type UserAccountCredentialsPtrInput interface {
	pulumi.Input

	ToUserAccountCredentialsPtrOutput() UserAccountCredentialsPtrOutput
	ToUserAccountCredentialsPtrOutputWithContext(context.Context) UserAccountCredentialsPtrOutput
}

// UserAccountCredentialsPtr turns *UserAccountCredentialsArgs into a UserAccountCredentialsPtrInput (nil stays nil). It returns v itself: unlike the
// generated SDK's wrapper type, which the sdk v3.274.1 marshaller rejects when the destination
// field is a pointer ("cannot assign ...PtrType to ..."), *UserAccountCredentialsArgs marshals as a UserAccountCredentials.
func UserAccountCredentialsPtr(v *UserAccountCredentialsArgs) UserAccountCredentialsPtrInput {
	return v
}

func (o UserAccountCredentialsOutput) ToUserAccountCredentialsPtrOutput() UserAccountCredentialsPtrOutput {
	return o.ToUserAccountCredentialsPtrOutputWithContext(context.Background())
}

func (o UserAccountCredentialsOutput) ToUserAccountCredentialsPtrOutputWithContext(ctx context.Context) UserAccountCredentialsPtrOutput {
	return o.ApplyTWithContext(ctx, func(_ context.Context, v UserAccountCredentials) *UserAccountCredentials {
		return &v
	}).(UserAccountCredentialsPtrOutput)
}

// UserAccountCredentialsPtrOutput is an output of optional UserAccountCredentials values.
type UserAccountCredentialsPtrOutput struct{ *pulumi.OutputState }

func (UserAccountCredentialsPtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**UserAccountCredentials)(nil)).Elem()
}

func (o UserAccountCredentialsPtrOutput) ToUserAccountCredentialsPtrOutput() UserAccountCredentialsPtrOutput {
	return o
}

func (o UserAccountCredentialsPtrOutput) ToUserAccountCredentialsPtrOutputWithContext(ctx context.Context) UserAccountCredentialsPtrOutput {
	return o
}

// Elem returns the value, or the zero UserAccountCredentials when it is nil.
func (o UserAccountCredentialsPtrOutput) Elem() UserAccountCredentialsOutput {
	return o.ApplyT(func(v *UserAccountCredentials) UserAccountCredentials {
		if v != nil {
			return *v
		}
		var ret UserAccountCredentials
		return ret
	}).(UserAccountCredentialsOutput)
}

// ---- VirtualMachineImage ----

// VirtualMachineImageInput accepts VirtualMachineImageArgs and VirtualMachineImageOutput values.
type VirtualMachineImageInput interface {
	pulumi.Input

	ToVirtualMachineImageOutput() VirtualMachineImageOutput
	ToVirtualMachineImageOutputWithContext(context.Context) VirtualMachineImageOutput
}

func (VirtualMachineImageArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*VirtualMachineImage)(nil)).Elem()
}

func (i VirtualMachineImageArgs) ToVirtualMachineImageOutput() VirtualMachineImageOutput {
	return i.ToVirtualMachineImageOutputWithContext(context.Background())
}

func (i VirtualMachineImageArgs) ToVirtualMachineImageOutputWithContext(ctx context.Context) VirtualMachineImageOutput {
	return pulumi.ToOutputWithContext(ctx, i).(VirtualMachineImageOutput)
}

// VirtualMachineImageOutput is an output of VirtualMachineImage values.
type VirtualMachineImageOutput struct{ *pulumi.OutputState }

func (VirtualMachineImageOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*VirtualMachineImage)(nil)).Elem()
}

func (o VirtualMachineImageOutput) ToVirtualMachineImageOutput() VirtualMachineImageOutput {
	return o
}

func (o VirtualMachineImageOutput) ToVirtualMachineImageOutputWithContext(ctx context.Context) VirtualMachineImageOutput {
	return o
}

func (i VirtualMachineImageArgs) ToVirtualMachineImagePtrOutput() VirtualMachineImagePtrOutput {
	return i.ToVirtualMachineImagePtrOutputWithContext(context.Background())
}

func (i VirtualMachineImageArgs) ToVirtualMachineImagePtrOutputWithContext(ctx context.Context) VirtualMachineImagePtrOutput {
	return pulumi.ToOutputWithContext(ctx, i).(VirtualMachineImageOutput).ToVirtualMachineImagePtrOutputWithContext(ctx)
}

// VirtualMachineImagePtrInput accepts VirtualMachineImageArgs, *VirtualMachineImageArgs, VirtualMachineImagePtr(...) and VirtualMachineImagePtrOutput values, or nil.
type VirtualMachineImagePtrInput interface {
	pulumi.Input

	ToVirtualMachineImagePtrOutput() VirtualMachineImagePtrOutput
	ToVirtualMachineImagePtrOutputWithContext(context.Context) VirtualMachineImagePtrOutput
}

// VirtualMachineImagePtr turns *VirtualMachineImageArgs into a VirtualMachineImagePtrInput (nil stays nil). It returns v itself: unlike the
// generated SDK's wrapper type, which the sdk v3.274.1 marshaller rejects when the destination
// field is a pointer ("cannot assign ...PtrType to ..."), *VirtualMachineImageArgs marshals as a VirtualMachineImage.
func VirtualMachineImagePtr(v *VirtualMachineImageArgs) VirtualMachineImagePtrInput {
	return v
}

func (o VirtualMachineImageOutput) ToVirtualMachineImagePtrOutput() VirtualMachineImagePtrOutput {
	return o.ToVirtualMachineImagePtrOutputWithContext(context.Background())
}

func (o VirtualMachineImageOutput) ToVirtualMachineImagePtrOutputWithContext(ctx context.Context) VirtualMachineImagePtrOutput {
	return o.ApplyTWithContext(ctx, func(_ context.Context, v VirtualMachineImage) *VirtualMachineImage {
		return &v
	}).(VirtualMachineImagePtrOutput)
}

// VirtualMachineImagePtrOutput is an output of optional VirtualMachineImage values.
type VirtualMachineImagePtrOutput struct{ *pulumi.OutputState }

func (VirtualMachineImagePtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**VirtualMachineImage)(nil)).Elem()
}

func (o VirtualMachineImagePtrOutput) ToVirtualMachineImagePtrOutput() VirtualMachineImagePtrOutput {
	return o
}

func (o VirtualMachineImagePtrOutput) ToVirtualMachineImagePtrOutputWithContext(ctx context.Context) VirtualMachineImagePtrOutput {
	return o
}

// Elem returns the value, or the zero VirtualMachineImage when it is nil.
func (o VirtualMachineImagePtrOutput) Elem() VirtualMachineImageOutput {
	return o.ApplyT(func(v *VirtualMachineImage) VirtualMachineImage {
		if v != nil {
			return *v
		}
		var ret VirtualMachineImage
		return ret
	}).(VirtualMachineImageOutput)
}

// ---- AKSSchemaProperties ----

// AKSSchemaPropertiesInput accepts AKSSchemaPropertiesArgs and AKSSchemaPropertiesOutput values.
type AKSSchemaPropertiesInput interface {
	pulumi.Input

	ToAKSSchemaPropertiesOutput() AKSSchemaPropertiesOutput
	ToAKSSchemaPropertiesOutputWithContext(context.Context) AKSSchemaPropertiesOutput
}

func (AKSSchemaPropertiesArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*AKSSchemaProperties)(nil)).Elem()
}

func (i AKSSchemaPropertiesArgs) ToAKSSchemaPropertiesOutput() AKSSchemaPropertiesOutput {
	return i.ToAKSSchemaPropertiesOutputWithContext(context.Background())
}

func (i AKSSchemaPropertiesArgs) ToAKSSchemaPropertiesOutputWithContext(ctx context.Context) AKSSchemaPropertiesOutput {
	return pulumi.ToOutputWithContext(ctx, i).(AKSSchemaPropertiesOutput)
}

// AKSSchemaPropertiesOutput is an output of AKSSchemaProperties values.
type AKSSchemaPropertiesOutput struct{ *pulumi.OutputState }

func (AKSSchemaPropertiesOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*AKSSchemaProperties)(nil)).Elem()
}

func (o AKSSchemaPropertiesOutput) ToAKSSchemaPropertiesOutput() AKSSchemaPropertiesOutput {
	return o
}

func (o AKSSchemaPropertiesOutput) ToAKSSchemaPropertiesOutputWithContext(ctx context.Context) AKSSchemaPropertiesOutput {
	return o
}

func (i AKSSchemaPropertiesArgs) ToAKSSchemaPropertiesPtrOutput() AKSSchemaPropertiesPtrOutput {
	return i.ToAKSSchemaPropertiesPtrOutputWithContext(context.Background())
}

func (i AKSSchemaPropertiesArgs) ToAKSSchemaPropertiesPtrOutputWithContext(ctx context.Context) AKSSchemaPropertiesPtrOutput {
	return pulumi.ToOutputWithContext(ctx, i).(AKSSchemaPropertiesOutput).ToAKSSchemaPropertiesPtrOutputWithContext(ctx)
}

// AKSSchemaPropertiesPtrInput accepts AKSSchemaPropertiesArgs, *AKSSchemaPropertiesArgs, AKSSchemaPropertiesPtr(...) and AKSSchemaPropertiesPtrOutput values, or nil.
type AKSSchemaPropertiesPtrInput interface {
	pulumi.Input

	ToAKSSchemaPropertiesPtrOutput() AKSSchemaPropertiesPtrOutput
	ToAKSSchemaPropertiesPtrOutputWithContext(context.Context) AKSSchemaPropertiesPtrOutput
}

// AKSSchemaPropertiesPtr turns *AKSSchemaPropertiesArgs into a AKSSchemaPropertiesPtrInput (nil stays nil). It returns v itself: unlike the
// generated SDK's wrapper type, which the sdk v3.274.1 marshaller rejects when the destination
// field is a pointer ("cannot assign ...PtrType to ..."), *AKSSchemaPropertiesArgs marshals as a AKSSchemaProperties.
func AKSSchemaPropertiesPtr(v *AKSSchemaPropertiesArgs) AKSSchemaPropertiesPtrInput {
	return v
}

func (o AKSSchemaPropertiesOutput) ToAKSSchemaPropertiesPtrOutput() AKSSchemaPropertiesPtrOutput {
	return o.ToAKSSchemaPropertiesPtrOutputWithContext(context.Background())
}

func (o AKSSchemaPropertiesOutput) ToAKSSchemaPropertiesPtrOutputWithContext(ctx context.Context) AKSSchemaPropertiesPtrOutput {
	return o.ApplyTWithContext(ctx, func(_ context.Context, v AKSSchemaProperties) *AKSSchemaProperties {
		return &v
	}).(AKSSchemaPropertiesPtrOutput)
}

// AKSSchemaPropertiesPtrOutput is an output of optional AKSSchemaProperties values.
type AKSSchemaPropertiesPtrOutput struct{ *pulumi.OutputState }

func (AKSSchemaPropertiesPtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**AKSSchemaProperties)(nil)).Elem()
}

func (o AKSSchemaPropertiesPtrOutput) ToAKSSchemaPropertiesPtrOutput() AKSSchemaPropertiesPtrOutput {
	return o
}

func (o AKSSchemaPropertiesPtrOutput) ToAKSSchemaPropertiesPtrOutputWithContext(ctx context.Context) AKSSchemaPropertiesPtrOutput {
	return o
}

// Elem returns the value, or the zero AKSSchemaProperties when it is nil.
func (o AKSSchemaPropertiesPtrOutput) Elem() AKSSchemaPropertiesOutput {
	return o.ApplyT(func(v *AKSSchemaProperties) AKSSchemaProperties {
		if v != nil {
			return *v
		}
		var ret AKSSchemaProperties
		return ret
	}).(AKSSchemaPropertiesOutput)
}

// ---- AksNetworkingConfiguration ----

// AksNetworkingConfigurationInput accepts AksNetworkingConfigurationArgs and AksNetworkingConfigurationOutput values.
type AksNetworkingConfigurationInput interface {
	pulumi.Input

	ToAksNetworkingConfigurationOutput() AksNetworkingConfigurationOutput
	ToAksNetworkingConfigurationOutputWithContext(context.Context) AksNetworkingConfigurationOutput
}

func (AksNetworkingConfigurationArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*AksNetworkingConfiguration)(nil)).Elem()
}

func (i AksNetworkingConfigurationArgs) ToAksNetworkingConfigurationOutput() AksNetworkingConfigurationOutput {
	return i.ToAksNetworkingConfigurationOutputWithContext(context.Background())
}

func (i AksNetworkingConfigurationArgs) ToAksNetworkingConfigurationOutputWithContext(ctx context.Context) AksNetworkingConfigurationOutput {
	return pulumi.ToOutputWithContext(ctx, i).(AksNetworkingConfigurationOutput)
}

// AksNetworkingConfigurationOutput is an output of AksNetworkingConfiguration values.
type AksNetworkingConfigurationOutput struct{ *pulumi.OutputState }

func (AksNetworkingConfigurationOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*AksNetworkingConfiguration)(nil)).Elem()
}

func (o AksNetworkingConfigurationOutput) ToAksNetworkingConfigurationOutput() AksNetworkingConfigurationOutput {
	return o
}

func (o AksNetworkingConfigurationOutput) ToAksNetworkingConfigurationOutputWithContext(ctx context.Context) AksNetworkingConfigurationOutput {
	return o
}

func (i AksNetworkingConfigurationArgs) ToAksNetworkingConfigurationPtrOutput() AksNetworkingConfigurationPtrOutput {
	return i.ToAksNetworkingConfigurationPtrOutputWithContext(context.Background())
}

func (i AksNetworkingConfigurationArgs) ToAksNetworkingConfigurationPtrOutputWithContext(ctx context.Context) AksNetworkingConfigurationPtrOutput {
	return pulumi.ToOutputWithContext(ctx, i).(AksNetworkingConfigurationOutput).ToAksNetworkingConfigurationPtrOutputWithContext(ctx)
}

// AksNetworkingConfigurationPtrInput accepts AksNetworkingConfigurationArgs, *AksNetworkingConfigurationArgs, AksNetworkingConfigurationPtr(...) and AksNetworkingConfigurationPtrOutput values, or nil.
type AksNetworkingConfigurationPtrInput interface {
	pulumi.Input

	ToAksNetworkingConfigurationPtrOutput() AksNetworkingConfigurationPtrOutput
	ToAksNetworkingConfigurationPtrOutputWithContext(context.Context) AksNetworkingConfigurationPtrOutput
}

// AksNetworkingConfigurationPtr turns *AksNetworkingConfigurationArgs into a AksNetworkingConfigurationPtrInput (nil stays nil). It returns v itself: unlike the
// generated SDK's wrapper type, which the sdk v3.274.1 marshaller rejects when the destination
// field is a pointer ("cannot assign ...PtrType to ..."), *AksNetworkingConfigurationArgs marshals as a AksNetworkingConfiguration.
func AksNetworkingConfigurationPtr(v *AksNetworkingConfigurationArgs) AksNetworkingConfigurationPtrInput {
	return v
}

func (o AksNetworkingConfigurationOutput) ToAksNetworkingConfigurationPtrOutput() AksNetworkingConfigurationPtrOutput {
	return o.ToAksNetworkingConfigurationPtrOutputWithContext(context.Background())
}

func (o AksNetworkingConfigurationOutput) ToAksNetworkingConfigurationPtrOutputWithContext(ctx context.Context) AksNetworkingConfigurationPtrOutput {
	return o.ApplyTWithContext(ctx, func(_ context.Context, v AksNetworkingConfiguration) *AksNetworkingConfiguration {
		return &v
	}).(AksNetworkingConfigurationPtrOutput)
}

// AksNetworkingConfigurationPtrOutput is an output of optional AksNetworkingConfiguration values.
type AksNetworkingConfigurationPtrOutput struct{ *pulumi.OutputState }

func (AksNetworkingConfigurationPtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**AksNetworkingConfiguration)(nil)).Elem()
}

func (o AksNetworkingConfigurationPtrOutput) ToAksNetworkingConfigurationPtrOutput() AksNetworkingConfigurationPtrOutput {
	return o
}

func (o AksNetworkingConfigurationPtrOutput) ToAksNetworkingConfigurationPtrOutputWithContext(ctx context.Context) AksNetworkingConfigurationPtrOutput {
	return o
}

// Elem returns the value, or the zero AksNetworkingConfiguration when it is nil.
func (o AksNetworkingConfigurationPtrOutput) Elem() AksNetworkingConfigurationOutput {
	return o.ApplyT(func(v *AksNetworkingConfiguration) AksNetworkingConfiguration {
		if v != nil {
			return *v
		}
		var ret AksNetworkingConfiguration
		return ret
	}).(AksNetworkingConfigurationOutput)
}

// ---- SslConfiguration ----

// SslConfigurationInput accepts SslConfigurationArgs and SslConfigurationOutput values.
type SslConfigurationInput interface {
	pulumi.Input

	ToSslConfigurationOutput() SslConfigurationOutput
	ToSslConfigurationOutputWithContext(context.Context) SslConfigurationOutput
}

func (SslConfigurationArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*SslConfiguration)(nil)).Elem()
}

func (i SslConfigurationArgs) ToSslConfigurationOutput() SslConfigurationOutput {
	return i.ToSslConfigurationOutputWithContext(context.Background())
}

func (i SslConfigurationArgs) ToSslConfigurationOutputWithContext(ctx context.Context) SslConfigurationOutput {
	return pulumi.ToOutputWithContext(ctx, i).(SslConfigurationOutput)
}

// SslConfigurationOutput is an output of SslConfiguration values.
type SslConfigurationOutput struct{ *pulumi.OutputState }

func (SslConfigurationOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*SslConfiguration)(nil)).Elem()
}

func (o SslConfigurationOutput) ToSslConfigurationOutput() SslConfigurationOutput {
	return o
}

func (o SslConfigurationOutput) ToSslConfigurationOutputWithContext(ctx context.Context) SslConfigurationOutput {
	return o
}

func (i SslConfigurationArgs) ToSslConfigurationPtrOutput() SslConfigurationPtrOutput {
	return i.ToSslConfigurationPtrOutputWithContext(context.Background())
}

func (i SslConfigurationArgs) ToSslConfigurationPtrOutputWithContext(ctx context.Context) SslConfigurationPtrOutput {
	return pulumi.ToOutputWithContext(ctx, i).(SslConfigurationOutput).ToSslConfigurationPtrOutputWithContext(ctx)
}

// SslConfigurationPtrInput accepts SslConfigurationArgs, *SslConfigurationArgs, SslConfigurationPtr(...) and SslConfigurationPtrOutput values, or nil.
type SslConfigurationPtrInput interface {
	pulumi.Input

	ToSslConfigurationPtrOutput() SslConfigurationPtrOutput
	ToSslConfigurationPtrOutputWithContext(context.Context) SslConfigurationPtrOutput
}

// SslConfigurationPtr turns *SslConfigurationArgs into a SslConfigurationPtrInput (nil stays nil). It returns v itself: unlike the
// generated SDK's wrapper type, which the sdk v3.274.1 marshaller rejects when the destination
// field is a pointer ("cannot assign ...PtrType to ..."), *SslConfigurationArgs marshals as a SslConfiguration.
func SslConfigurationPtr(v *SslConfigurationArgs) SslConfigurationPtrInput {
	return v
}

func (o SslConfigurationOutput) ToSslConfigurationPtrOutput() SslConfigurationPtrOutput {
	return o.ToSslConfigurationPtrOutputWithContext(context.Background())
}

func (o SslConfigurationOutput) ToSslConfigurationPtrOutputWithContext(ctx context.Context) SslConfigurationPtrOutput {
	return o.ApplyTWithContext(ctx, func(_ context.Context, v SslConfiguration) *SslConfiguration {
		return &v
	}).(SslConfigurationPtrOutput)
}

// SslConfigurationPtrOutput is an output of optional SslConfiguration values.
type SslConfigurationPtrOutput struct{ *pulumi.OutputState }

func (SslConfigurationPtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**SslConfiguration)(nil)).Elem()
}

func (o SslConfigurationPtrOutput) ToSslConfigurationPtrOutput() SslConfigurationPtrOutput {
	return o
}

func (o SslConfigurationPtrOutput) ToSslConfigurationPtrOutputWithContext(ctx context.Context) SslConfigurationPtrOutput {
	return o
}

// Elem returns the value, or the zero SslConfiguration when it is nil.
func (o SslConfigurationPtrOutput) Elem() SslConfigurationOutput {
	return o.ApplyT(func(v *SslConfiguration) SslConfiguration {
		if v != nil {
			return *v
		}
		var ret SslConfiguration
		return ret
	}).(SslConfigurationOutput)
}

// ---- VirtualMachineSchemaProperties ----

// VirtualMachineSchemaPropertiesInput accepts VirtualMachineSchemaPropertiesArgs and VirtualMachineSchemaPropertiesOutput values.
type VirtualMachineSchemaPropertiesInput interface {
	pulumi.Input

	ToVirtualMachineSchemaPropertiesOutput() VirtualMachineSchemaPropertiesOutput
	ToVirtualMachineSchemaPropertiesOutputWithContext(context.Context) VirtualMachineSchemaPropertiesOutput
}

func (VirtualMachineSchemaPropertiesArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*VirtualMachineSchemaProperties)(nil)).Elem()
}

func (i VirtualMachineSchemaPropertiesArgs) ToVirtualMachineSchemaPropertiesOutput() VirtualMachineSchemaPropertiesOutput {
	return i.ToVirtualMachineSchemaPropertiesOutputWithContext(context.Background())
}

func (i VirtualMachineSchemaPropertiesArgs) ToVirtualMachineSchemaPropertiesOutputWithContext(ctx context.Context) VirtualMachineSchemaPropertiesOutput {
	return pulumi.ToOutputWithContext(ctx, i).(VirtualMachineSchemaPropertiesOutput)
}

// VirtualMachineSchemaPropertiesOutput is an output of VirtualMachineSchemaProperties values.
type VirtualMachineSchemaPropertiesOutput struct{ *pulumi.OutputState }

func (VirtualMachineSchemaPropertiesOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*VirtualMachineSchemaProperties)(nil)).Elem()
}

func (o VirtualMachineSchemaPropertiesOutput) ToVirtualMachineSchemaPropertiesOutput() VirtualMachineSchemaPropertiesOutput {
	return o
}

func (o VirtualMachineSchemaPropertiesOutput) ToVirtualMachineSchemaPropertiesOutputWithContext(ctx context.Context) VirtualMachineSchemaPropertiesOutput {
	return o
}

func (i VirtualMachineSchemaPropertiesArgs) ToVirtualMachineSchemaPropertiesPtrOutput() VirtualMachineSchemaPropertiesPtrOutput {
	return i.ToVirtualMachineSchemaPropertiesPtrOutputWithContext(context.Background())
}

func (i VirtualMachineSchemaPropertiesArgs) ToVirtualMachineSchemaPropertiesPtrOutputWithContext(ctx context.Context) VirtualMachineSchemaPropertiesPtrOutput {
	return pulumi.ToOutputWithContext(ctx, i).(VirtualMachineSchemaPropertiesOutput).ToVirtualMachineSchemaPropertiesPtrOutputWithContext(ctx)
}

// VirtualMachineSchemaPropertiesPtrInput accepts VirtualMachineSchemaPropertiesArgs, *VirtualMachineSchemaPropertiesArgs, VirtualMachineSchemaPropertiesPtr(...) and VirtualMachineSchemaPropertiesPtrOutput values, or nil.
type VirtualMachineSchemaPropertiesPtrInput interface {
	pulumi.Input

	ToVirtualMachineSchemaPropertiesPtrOutput() VirtualMachineSchemaPropertiesPtrOutput
	ToVirtualMachineSchemaPropertiesPtrOutputWithContext(context.Context) VirtualMachineSchemaPropertiesPtrOutput
}

// VirtualMachineSchemaPropertiesPtr turns *VirtualMachineSchemaPropertiesArgs into a VirtualMachineSchemaPropertiesPtrInput (nil stays nil). It returns v itself: unlike the
// generated SDK's wrapper type, which the sdk v3.274.1 marshaller rejects when the destination
// field is a pointer ("cannot assign ...PtrType to ..."), *VirtualMachineSchemaPropertiesArgs marshals as a VirtualMachineSchemaProperties.
func VirtualMachineSchemaPropertiesPtr(v *VirtualMachineSchemaPropertiesArgs) VirtualMachineSchemaPropertiesPtrInput {
	return v
}

func (o VirtualMachineSchemaPropertiesOutput) ToVirtualMachineSchemaPropertiesPtrOutput() VirtualMachineSchemaPropertiesPtrOutput {
	return o.ToVirtualMachineSchemaPropertiesPtrOutputWithContext(context.Background())
}

func (o VirtualMachineSchemaPropertiesOutput) ToVirtualMachineSchemaPropertiesPtrOutputWithContext(ctx context.Context) VirtualMachineSchemaPropertiesPtrOutput {
	return o.ApplyTWithContext(ctx, func(_ context.Context, v VirtualMachineSchemaProperties) *VirtualMachineSchemaProperties {
		return &v
	}).(VirtualMachineSchemaPropertiesPtrOutput)
}

// VirtualMachineSchemaPropertiesPtrOutput is an output of optional VirtualMachineSchemaProperties values.
type VirtualMachineSchemaPropertiesPtrOutput struct{ *pulumi.OutputState }

func (VirtualMachineSchemaPropertiesPtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**VirtualMachineSchemaProperties)(nil)).Elem()
}

func (o VirtualMachineSchemaPropertiesPtrOutput) ToVirtualMachineSchemaPropertiesPtrOutput() VirtualMachineSchemaPropertiesPtrOutput {
	return o
}

func (o VirtualMachineSchemaPropertiesPtrOutput) ToVirtualMachineSchemaPropertiesPtrOutputWithContext(ctx context.Context) VirtualMachineSchemaPropertiesPtrOutput {
	return o
}

// Elem returns the value, or the zero VirtualMachineSchemaProperties when it is nil.
func (o VirtualMachineSchemaPropertiesPtrOutput) Elem() VirtualMachineSchemaPropertiesOutput {
	return o.ApplyT(func(v *VirtualMachineSchemaProperties) VirtualMachineSchemaProperties {
		if v != nil {
			return *v
		}
		var ret VirtualMachineSchemaProperties
		return ret
	}).(VirtualMachineSchemaPropertiesOutput)
}

// ---- HDInsightProperties ----

// HDInsightPropertiesInput accepts HDInsightPropertiesArgs and HDInsightPropertiesOutput values.
type HDInsightPropertiesInput interface {
	pulumi.Input

	ToHDInsightPropertiesOutput() HDInsightPropertiesOutput
	ToHDInsightPropertiesOutputWithContext(context.Context) HDInsightPropertiesOutput
}

func (HDInsightPropertiesArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*HDInsightProperties)(nil)).Elem()
}

func (i HDInsightPropertiesArgs) ToHDInsightPropertiesOutput() HDInsightPropertiesOutput {
	return i.ToHDInsightPropertiesOutputWithContext(context.Background())
}

func (i HDInsightPropertiesArgs) ToHDInsightPropertiesOutputWithContext(ctx context.Context) HDInsightPropertiesOutput {
	return pulumi.ToOutputWithContext(ctx, i).(HDInsightPropertiesOutput)
}

// HDInsightPropertiesOutput is an output of HDInsightProperties values.
type HDInsightPropertiesOutput struct{ *pulumi.OutputState }

func (HDInsightPropertiesOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*HDInsightProperties)(nil)).Elem()
}

func (o HDInsightPropertiesOutput) ToHDInsightPropertiesOutput() HDInsightPropertiesOutput {
	return o
}

func (o HDInsightPropertiesOutput) ToHDInsightPropertiesOutputWithContext(ctx context.Context) HDInsightPropertiesOutput {
	return o
}

func (i HDInsightPropertiesArgs) ToHDInsightPropertiesPtrOutput() HDInsightPropertiesPtrOutput {
	return i.ToHDInsightPropertiesPtrOutputWithContext(context.Background())
}

func (i HDInsightPropertiesArgs) ToHDInsightPropertiesPtrOutputWithContext(ctx context.Context) HDInsightPropertiesPtrOutput {
	return pulumi.ToOutputWithContext(ctx, i).(HDInsightPropertiesOutput).ToHDInsightPropertiesPtrOutputWithContext(ctx)
}

// HDInsightPropertiesPtrInput accepts HDInsightPropertiesArgs, *HDInsightPropertiesArgs, HDInsightPropertiesPtr(...) and HDInsightPropertiesPtrOutput values, or nil.
type HDInsightPropertiesPtrInput interface {
	pulumi.Input

	ToHDInsightPropertiesPtrOutput() HDInsightPropertiesPtrOutput
	ToHDInsightPropertiesPtrOutputWithContext(context.Context) HDInsightPropertiesPtrOutput
}

// HDInsightPropertiesPtr turns *HDInsightPropertiesArgs into a HDInsightPropertiesPtrInput (nil stays nil). It returns v itself: unlike the
// generated SDK's wrapper type, which the sdk v3.274.1 marshaller rejects when the destination
// field is a pointer ("cannot assign ...PtrType to ..."), *HDInsightPropertiesArgs marshals as a HDInsightProperties.
func HDInsightPropertiesPtr(v *HDInsightPropertiesArgs) HDInsightPropertiesPtrInput {
	return v
}

func (o HDInsightPropertiesOutput) ToHDInsightPropertiesPtrOutput() HDInsightPropertiesPtrOutput {
	return o.ToHDInsightPropertiesPtrOutputWithContext(context.Background())
}

func (o HDInsightPropertiesOutput) ToHDInsightPropertiesPtrOutputWithContext(ctx context.Context) HDInsightPropertiesPtrOutput {
	return o.ApplyTWithContext(ctx, func(_ context.Context, v HDInsightProperties) *HDInsightProperties {
		return &v
	}).(HDInsightPropertiesPtrOutput)
}

// HDInsightPropertiesPtrOutput is an output of optional HDInsightProperties values.
type HDInsightPropertiesPtrOutput struct{ *pulumi.OutputState }

func (HDInsightPropertiesPtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**HDInsightProperties)(nil)).Elem()
}

func (o HDInsightPropertiesPtrOutput) ToHDInsightPropertiesPtrOutput() HDInsightPropertiesPtrOutput {
	return o
}

func (o HDInsightPropertiesPtrOutput) ToHDInsightPropertiesPtrOutputWithContext(ctx context.Context) HDInsightPropertiesPtrOutput {
	return o
}

// Elem returns the value, or the zero HDInsightProperties when it is nil.
func (o HDInsightPropertiesPtrOutput) Elem() HDInsightPropertiesOutput {
	return o.ApplyT(func(v *HDInsightProperties) HDInsightProperties {
		if v != nil {
			return *v
		}
		var ret HDInsightProperties
		return ret
	}).(HDInsightPropertiesOutput)
}

// ---- VirtualMachineSshCredentials ----

// VirtualMachineSshCredentialsInput accepts VirtualMachineSshCredentialsArgs and VirtualMachineSshCredentialsOutput values.
type VirtualMachineSshCredentialsInput interface {
	pulumi.Input

	ToVirtualMachineSshCredentialsOutput() VirtualMachineSshCredentialsOutput
	ToVirtualMachineSshCredentialsOutputWithContext(context.Context) VirtualMachineSshCredentialsOutput
}

func (VirtualMachineSshCredentialsArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*VirtualMachineSshCredentials)(nil)).Elem()
}

func (i VirtualMachineSshCredentialsArgs) ToVirtualMachineSshCredentialsOutput() VirtualMachineSshCredentialsOutput {
	return i.ToVirtualMachineSshCredentialsOutputWithContext(context.Background())
}

func (i VirtualMachineSshCredentialsArgs) ToVirtualMachineSshCredentialsOutputWithContext(ctx context.Context) VirtualMachineSshCredentialsOutput {
	return pulumi.ToOutputWithContext(ctx, i).(VirtualMachineSshCredentialsOutput)
}

// VirtualMachineSshCredentialsOutput is an output of VirtualMachineSshCredentials values.
type VirtualMachineSshCredentialsOutput struct{ *pulumi.OutputState }

func (VirtualMachineSshCredentialsOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*VirtualMachineSshCredentials)(nil)).Elem()
}

func (o VirtualMachineSshCredentialsOutput) ToVirtualMachineSshCredentialsOutput() VirtualMachineSshCredentialsOutput {
	return o
}

func (o VirtualMachineSshCredentialsOutput) ToVirtualMachineSshCredentialsOutputWithContext(ctx context.Context) VirtualMachineSshCredentialsOutput {
	return o
}

func (i VirtualMachineSshCredentialsArgs) ToVirtualMachineSshCredentialsPtrOutput() VirtualMachineSshCredentialsPtrOutput {
	return i.ToVirtualMachineSshCredentialsPtrOutputWithContext(context.Background())
}

func (i VirtualMachineSshCredentialsArgs) ToVirtualMachineSshCredentialsPtrOutputWithContext(ctx context.Context) VirtualMachineSshCredentialsPtrOutput {
	return pulumi.ToOutputWithContext(ctx, i).(VirtualMachineSshCredentialsOutput).ToVirtualMachineSshCredentialsPtrOutputWithContext(ctx)
}

// VirtualMachineSshCredentialsPtrInput accepts VirtualMachineSshCredentialsArgs, *VirtualMachineSshCredentialsArgs, VirtualMachineSshCredentialsPtr(...) and VirtualMachineSshCredentialsPtrOutput values, or nil.
type VirtualMachineSshCredentialsPtrInput interface {
	pulumi.Input

	ToVirtualMachineSshCredentialsPtrOutput() VirtualMachineSshCredentialsPtrOutput
	ToVirtualMachineSshCredentialsPtrOutputWithContext(context.Context) VirtualMachineSshCredentialsPtrOutput
}

// VirtualMachineSshCredentialsPtr turns *VirtualMachineSshCredentialsArgs into a VirtualMachineSshCredentialsPtrInput (nil stays nil). It returns v itself: unlike the
// generated SDK's wrapper type, which the sdk v3.274.1 marshaller rejects when the destination
// field is a pointer ("cannot assign ...PtrType to ..."), *VirtualMachineSshCredentialsArgs marshals as a VirtualMachineSshCredentials.
func VirtualMachineSshCredentialsPtr(v *VirtualMachineSshCredentialsArgs) VirtualMachineSshCredentialsPtrInput {
	return v
}

func (o VirtualMachineSshCredentialsOutput) ToVirtualMachineSshCredentialsPtrOutput() VirtualMachineSshCredentialsPtrOutput {
	return o.ToVirtualMachineSshCredentialsPtrOutputWithContext(context.Background())
}

func (o VirtualMachineSshCredentialsOutput) ToVirtualMachineSshCredentialsPtrOutputWithContext(ctx context.Context) VirtualMachineSshCredentialsPtrOutput {
	return o.ApplyTWithContext(ctx, func(_ context.Context, v VirtualMachineSshCredentials) *VirtualMachineSshCredentials {
		return &v
	}).(VirtualMachineSshCredentialsPtrOutput)
}

// VirtualMachineSshCredentialsPtrOutput is an output of optional VirtualMachineSshCredentials values.
type VirtualMachineSshCredentialsPtrOutput struct{ *pulumi.OutputState }

func (VirtualMachineSshCredentialsPtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**VirtualMachineSshCredentials)(nil)).Elem()
}

func (o VirtualMachineSshCredentialsPtrOutput) ToVirtualMachineSshCredentialsPtrOutput() VirtualMachineSshCredentialsPtrOutput {
	return o
}

func (o VirtualMachineSshCredentialsPtrOutput) ToVirtualMachineSshCredentialsPtrOutputWithContext(ctx context.Context) VirtualMachineSshCredentialsPtrOutput {
	return o
}

// Elem returns the value, or the zero VirtualMachineSshCredentials when it is nil.
func (o VirtualMachineSshCredentialsPtrOutput) Elem() VirtualMachineSshCredentialsOutput {
	return o.ApplyT(func(v *VirtualMachineSshCredentials) VirtualMachineSshCredentials {
		if v != nil {
			return *v
		}
		var ret VirtualMachineSshCredentials
		return ret
	}).(VirtualMachineSshCredentialsOutput)
}

// ---- AmlCompute (union member) ----

// AmlComputeInput accepts AmlComputeArgs and AmlComputeOutput values.
type AmlComputeInput interface {
	pulumi.Input

	ToAmlComputeOutput() AmlComputeOutput
	ToAmlComputeOutputWithContext(context.Context) AmlComputeOutput
}

func (AmlComputeArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*AmlCompute)(nil)).Elem()
}

func (i AmlComputeArgs) ToAmlComputeOutput() AmlComputeOutput {
	return i.ToAmlComputeOutputWithContext(context.Background())
}

func (i AmlComputeArgs) ToAmlComputeOutputWithContext(ctx context.Context) AmlComputeOutput {
	return pulumi.ToOutputWithContext(ctx, i).(AmlComputeOutput)
}

// AmlComputeOutput is an output of AmlCompute values.
type AmlComputeOutput struct{ *pulumi.OutputState }

func (AmlComputeOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*AmlCompute)(nil)).Elem()
}

func (o AmlComputeOutput) ToAmlComputeOutput() AmlComputeOutput {
	return o
}

func (o AmlComputeOutput) ToAmlComputeOutputWithContext(ctx context.Context) AmlComputeOutput {
	return o
}

// ---- AKS (union member) ----

// AKSInput accepts AKSArgs and AKSOutput values.
type AKSInput interface {
	pulumi.Input

	ToAKSOutput() AKSOutput
	ToAKSOutputWithContext(context.Context) AKSOutput
}

func (AKSArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*AKS)(nil)).Elem()
}

func (i AKSArgs) ToAKSOutput() AKSOutput {
	return i.ToAKSOutputWithContext(context.Background())
}

func (i AKSArgs) ToAKSOutputWithContext(ctx context.Context) AKSOutput {
	return pulumi.ToOutputWithContext(ctx, i).(AKSOutput)
}

// AKSOutput is an output of AKS values.
type AKSOutput struct{ *pulumi.OutputState }

func (AKSOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*AKS)(nil)).Elem()
}

func (o AKSOutput) ToAKSOutput() AKSOutput {
	return o
}

func (o AKSOutput) ToAKSOutputWithContext(ctx context.Context) AKSOutput {
	return o
}

// ---- VirtualMachine (union member) ----

// VirtualMachineInput accepts VirtualMachineArgs and VirtualMachineOutput values.
type VirtualMachineInput interface {
	pulumi.Input

	ToVirtualMachineOutput() VirtualMachineOutput
	ToVirtualMachineOutputWithContext(context.Context) VirtualMachineOutput
}

func (VirtualMachineArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*VirtualMachine)(nil)).Elem()
}

func (i VirtualMachineArgs) ToVirtualMachineOutput() VirtualMachineOutput {
	return i.ToVirtualMachineOutputWithContext(context.Background())
}

func (i VirtualMachineArgs) ToVirtualMachineOutputWithContext(ctx context.Context) VirtualMachineOutput {
	return pulumi.ToOutputWithContext(ctx, i).(VirtualMachineOutput)
}

// VirtualMachineOutput is an output of VirtualMachine values.
type VirtualMachineOutput struct{ *pulumi.OutputState }

func (VirtualMachineOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*VirtualMachine)(nil)).Elem()
}

func (o VirtualMachineOutput) ToVirtualMachineOutput() VirtualMachineOutput {
	return o
}

func (o VirtualMachineOutput) ToVirtualMachineOutputWithContext(ctx context.Context) VirtualMachineOutput {
	return o
}

// ---- HDInsight (union member) ----

// HDInsightInput accepts HDInsightArgs and HDInsightOutput values.
type HDInsightInput interface {
	pulumi.Input

	ToHDInsightOutput() HDInsightOutput
	ToHDInsightOutputWithContext(context.Context) HDInsightOutput
}

func (HDInsightArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*HDInsight)(nil)).Elem()
}

func (i HDInsightArgs) ToHDInsightOutput() HDInsightOutput {
	return i.ToHDInsightOutputWithContext(context.Background())
}

func (i HDInsightArgs) ToHDInsightOutputWithContext(ctx context.Context) HDInsightOutput {
	return pulumi.ToOutputWithContext(ctx, i).(HDInsightOutput)
}

// HDInsightOutput is an output of HDInsight values.
type HDInsightOutput struct{ *pulumi.OutputState }

func (HDInsightOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*HDInsight)(nil)).Elem()
}

func (o HDInsightOutput) ToHDInsightOutput() HDInsightOutput {
	return o
}

func (o HDInsightOutput) ToHDInsightOutputWithContext(ctx context.Context) HDInsightOutput {
	return o
}

func init() {
	pulumi.RegisterInputType(reflect.TypeOf((*ManagedServiceIdentityInput)(nil)).Elem(), ManagedServiceIdentityArgs{})
	pulumi.RegisterInputType(reflect.TypeOf((*ManagedServiceIdentityPtrInput)(nil)).Elem(), ManagedServiceIdentityArgs{})
	pulumi.RegisterOutputType(ManagedServiceIdentityOutput{})
	pulumi.RegisterOutputType(ManagedServiceIdentityPtrOutput{})
	pulumi.RegisterInputType(reflect.TypeOf((*SkuInput)(nil)).Elem(), SkuArgs{})
	pulumi.RegisterInputType(reflect.TypeOf((*SkuPtrInput)(nil)).Elem(), SkuArgs{})
	pulumi.RegisterOutputType(SkuOutput{})
	pulumi.RegisterOutputType(SkuPtrOutput{})
	pulumi.RegisterInputType(reflect.TypeOf((*AmlComputePropertiesInput)(nil)).Elem(), AmlComputePropertiesArgs{})
	pulumi.RegisterInputType(reflect.TypeOf((*AmlComputePropertiesPtrInput)(nil)).Elem(), AmlComputePropertiesArgs{})
	pulumi.RegisterOutputType(AmlComputePropertiesOutput{})
	pulumi.RegisterOutputType(AmlComputePropertiesPtrOutput{})
	pulumi.RegisterInputType(reflect.TypeOf((*ScaleSettingsInput)(nil)).Elem(), ScaleSettingsArgs{})
	pulumi.RegisterInputType(reflect.TypeOf((*ScaleSettingsPtrInput)(nil)).Elem(), ScaleSettingsArgs{})
	pulumi.RegisterOutputType(ScaleSettingsOutput{})
	pulumi.RegisterOutputType(ScaleSettingsPtrOutput{})
	pulumi.RegisterInputType(reflect.TypeOf((*ResourceIdInput)(nil)).Elem(), ResourceIdArgs{})
	pulumi.RegisterInputType(reflect.TypeOf((*ResourceIdPtrInput)(nil)).Elem(), ResourceIdArgs{})
	pulumi.RegisterOutputType(ResourceIdOutput{})
	pulumi.RegisterOutputType(ResourceIdPtrOutput{})
	pulumi.RegisterInputType(reflect.TypeOf((*UserAccountCredentialsInput)(nil)).Elem(), UserAccountCredentialsArgs{})
	pulumi.RegisterInputType(reflect.TypeOf((*UserAccountCredentialsPtrInput)(nil)).Elem(), UserAccountCredentialsArgs{})
	pulumi.RegisterOutputType(UserAccountCredentialsOutput{})
	pulumi.RegisterOutputType(UserAccountCredentialsPtrOutput{})
	pulumi.RegisterInputType(reflect.TypeOf((*VirtualMachineImageInput)(nil)).Elem(), VirtualMachineImageArgs{})
	pulumi.RegisterInputType(reflect.TypeOf((*VirtualMachineImagePtrInput)(nil)).Elem(), VirtualMachineImageArgs{})
	pulumi.RegisterOutputType(VirtualMachineImageOutput{})
	pulumi.RegisterOutputType(VirtualMachineImagePtrOutput{})
	pulumi.RegisterInputType(reflect.TypeOf((*AKSSchemaPropertiesInput)(nil)).Elem(), AKSSchemaPropertiesArgs{})
	pulumi.RegisterInputType(reflect.TypeOf((*AKSSchemaPropertiesPtrInput)(nil)).Elem(), AKSSchemaPropertiesArgs{})
	pulumi.RegisterOutputType(AKSSchemaPropertiesOutput{})
	pulumi.RegisterOutputType(AKSSchemaPropertiesPtrOutput{})
	pulumi.RegisterInputType(reflect.TypeOf((*AksNetworkingConfigurationInput)(nil)).Elem(), AksNetworkingConfigurationArgs{})
	pulumi.RegisterInputType(reflect.TypeOf((*AksNetworkingConfigurationPtrInput)(nil)).Elem(), AksNetworkingConfigurationArgs{})
	pulumi.RegisterOutputType(AksNetworkingConfigurationOutput{})
	pulumi.RegisterOutputType(AksNetworkingConfigurationPtrOutput{})
	pulumi.RegisterInputType(reflect.TypeOf((*SslConfigurationInput)(nil)).Elem(), SslConfigurationArgs{})
	pulumi.RegisterInputType(reflect.TypeOf((*SslConfigurationPtrInput)(nil)).Elem(), SslConfigurationArgs{})
	pulumi.RegisterOutputType(SslConfigurationOutput{})
	pulumi.RegisterOutputType(SslConfigurationPtrOutput{})
	pulumi.RegisterInputType(reflect.TypeOf((*VirtualMachineSchemaPropertiesInput)(nil)).Elem(), VirtualMachineSchemaPropertiesArgs{})
	pulumi.RegisterInputType(reflect.TypeOf((*VirtualMachineSchemaPropertiesPtrInput)(nil)).Elem(), VirtualMachineSchemaPropertiesArgs{})
	pulumi.RegisterOutputType(VirtualMachineSchemaPropertiesOutput{})
	pulumi.RegisterOutputType(VirtualMachineSchemaPropertiesPtrOutput{})
	pulumi.RegisterInputType(reflect.TypeOf((*HDInsightPropertiesInput)(nil)).Elem(), HDInsightPropertiesArgs{})
	pulumi.RegisterInputType(reflect.TypeOf((*HDInsightPropertiesPtrInput)(nil)).Elem(), HDInsightPropertiesArgs{})
	pulumi.RegisterOutputType(HDInsightPropertiesOutput{})
	pulumi.RegisterOutputType(HDInsightPropertiesPtrOutput{})
	pulumi.RegisterInputType(reflect.TypeOf((*VirtualMachineSshCredentialsInput)(nil)).Elem(), VirtualMachineSshCredentialsArgs{})
	pulumi.RegisterInputType(reflect.TypeOf((*VirtualMachineSshCredentialsPtrInput)(nil)).Elem(), VirtualMachineSshCredentialsArgs{})
	pulumi.RegisterOutputType(VirtualMachineSshCredentialsOutput{})
	pulumi.RegisterOutputType(VirtualMachineSshCredentialsPtrOutput{})
	pulumi.RegisterInputType(reflect.TypeOf((*AmlComputeInput)(nil)).Elem(), AmlComputeArgs{})
	pulumi.RegisterOutputType(AmlComputeOutput{})
	pulumi.RegisterInputType(reflect.TypeOf((*AKSInput)(nil)).Elem(), AKSArgs{})
	pulumi.RegisterOutputType(AKSOutput{})
	pulumi.RegisterInputType(reflect.TypeOf((*VirtualMachineInput)(nil)).Elem(), VirtualMachineArgs{})
	pulumi.RegisterOutputType(VirtualMachineOutput{})
	pulumi.RegisterInputType(reflect.TypeOf((*HDInsightInput)(nil)).Elem(), HDInsightArgs{})
	pulumi.RegisterOutputType(HDInsightOutput{})
}
