//! Core wasm modules built for WASI preview 1 (`wasm32-wasip1`, as older Spin SDK projects
//! and `cargo build --target wasm32-wasip1` produce) become components when loaded, as Spin
//! does: `wit-component` encodes the module's embedded WIT world into a component, and the
//! preview-1 adapter published by wasmtime (`wasi-preview1-component-adapter-provider`, the
//! proxy flavour, for HTTP components) translates its WASI preview 1 imports to preview 2.

use anyhow::{Context, Result};

/// `bytes` unchanged when they already are a component; the componentized module otherwise.
pub fn componentize_if_module(bytes: Vec<u8>) -> Result<Vec<u8>> {
    if !wasmparser::Parser::is_core_wasm(&bytes) {
        return Ok(bytes);
    }
    wit_component::ComponentEncoder::default()
        .validate(true)
        .module(&bytes)
        .context("the core module carries no component type information to componentize it")?
        .adapter(
            "wasi_snapshot_preview1",
            wasi_preview1_component_adapter_provider::WASI_SNAPSHOT_PREVIEW1_PROXY_ADAPTER,
        )
        .context("the WASI preview 1 adapter does not fit this module")?
        .encode()
        .context("cannot encode the module as a component")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_pass_through_and_modules_become_components() {
        // The smallest component: preamble with the component layer.
        let component = vec![0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00];
        assert_eq!(
            componentize_if_module(component.clone()).unwrap(),
            component
        );
        // A core module becomes a component (an empty one exports nothing, so loading it as
        // an HTTP component then fails in the runtime with a clear error).
        let empty_module = vec![0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
        let out = componentize_if_module(empty_module).unwrap();
        assert!(wasmparser::Parser::is_component(&out));
        // A core module whose code does not validate is refused.
        let broken = vec![
            0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0xff,
        ];
        assert!(componentize_if_module(broken).is_err());
    }
}
