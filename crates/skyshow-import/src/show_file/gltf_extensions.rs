//! The glTF extensions a file requires (`extensionsRequired`), sorted before the file is
//! validated: those that only change how a viewer shades the model (materials, lights,
//! texture formats) are accepted — skyshow draws base colours only; those that change how
//! the geometry is stored and are not decoded here (Draco, meshopt, quantized attributes,
//! GPU instancing) are refused in one line that names the extension and how to export
//! without it; any other is refused by name.

use skyshow_i18n::msg;

use super::art::ArtError;

/// Extensions that affect only appearance skyshow does not draw, or that it draws
/// (`KHR_texture_transform`).
const APPEARANCE: &[&str] = &[
    "KHR_texture_transform",
    "KHR_lights_punctual",
    "KHR_texture_basisu",
    "EXT_texture_webp",
    "EXT_texture_avif",
    "MSFT_texture_dds",
    "EXT_lights_image_based",
    "KHR_xmp_json_ld",
    "KHR_materials_variants",
];

/// Keeps in `required` only what gltf's validation must see, after checking that every
/// extension is one skyshow can read the geometry of.
pub(crate) fn triage(required: &mut Vec<String>) -> Result<(), ArtError> {
    for ext in required.iter() {
        let e = ext.as_str();
        let refusal = match e {
            "KHR_draco_mesh_compression" => {
                Some((msg!("artwork-gltf-draco"), msg!("artwork-gltf-draco-hint")))
            }
            "EXT_meshopt_compression" | "KHR_meshopt_compression" => Some((
                msg!("artwork-gltf-meshopt"),
                msg!("artwork-gltf-meshopt-hint"),
            )),
            "KHR_mesh_quantization" => Some((
                msg!("artwork-gltf-quantized"),
                msg!("artwork-gltf-quantized-hint"),
            )),
            "EXT_mesh_gpu_instancing" => Some((
                msg!("artwork-gltf-instancing"),
                msg!("artwork-gltf-instancing-hint"),
            )),
            _ => None,
        };
        if let Some((what, hint)) = refusal {
            return Err(ArtError::new(
                msg!("artwork-gltf-compressed", how = what, extension = e),
                hint,
            ));
        }
        if !(APPEARANCE.contains(&e) || e.starts_with("KHR_materials_")) {
            return Err(ArtError::new(
                msg!("artwork-gltf-extension-unknown", extension = e),
                msg!("artwork-gltf-extension-unknown-hint"),
            ));
        }
    }
    // Accepted: gltf's validation need not know them.
    required.clear();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use skyshow_i18n::Lang;

    fn triaged(exts: &[&str]) -> Result<Vec<String>, ArtError> {
        let mut v: Vec<String> = exts.iter().map(|s| s.to_string()).collect();
        triage(&mut v).map(|()| v)
    }

    #[test]
    fn appearance_extensions_are_accepted() {
        assert_eq!(
            triaged(&[
                "KHR_texture_transform",
                "KHR_materials_unlit",
                "KHR_materials_clearcoat",
                "KHR_lights_punctual",
                "KHR_texture_basisu"
            ])
            .unwrap(),
            Vec::<String>::new()
        );
    }

    #[test]
    fn compressed_geometry_is_refused_by_name_with_a_way_out() {
        let e = triaged(&["KHR_materials_unlit", "KHR_draco_mesh_compression"]).unwrap_err();
        assert_eq!(
            e.message.english(),
            "the model's geometry is stored with Draco (`KHR_draco_mesh_compression`), which skyshow does not decode"
        );
        assert!(
            e.message
                .render(Lang::Zh)
                .contains("Draco 压缩（`KHR_draco_mesh_compression`）")
        );
        let hint = e.help.unwrap();
        assert!(hint.english().contains("Compression unchecked"));
        assert!(hint.render(Lang::Zh).contains("Compression"));
        let e = triaged(&["EXT_meshopt_compression"]).unwrap_err();
        assert!(
            e.message
                .english()
                .contains("meshopt (`EXT_meshopt_compression`)")
        );
        assert!(e.help.unwrap().english().contains("gltfpack"));
        let e = triaged(&["KHR_mesh_quantization"]).unwrap_err();
        assert!(e.message.english().contains("`KHR_mesh_quantization`"));
        let e = triaged(&["VENDOR_magic"]).unwrap_err();
        assert_eq!(
            e.message.english(),
            "the model requires the glTF extension `VENDOR_magic`, which skyshow does not read"
        );
        assert!(e.message.render(Lang::Zh).contains("`VENDOR_magic`"));
    }
}
