//! The glTF extensions a file requires (`extensionsRequired`), sorted before the file is
//! validated: those that only change how a viewer shades the model (materials, lights,
//! texture formats) are accepted — skyshow draws base colours only; geometry compressed
//! with Draco or meshopt is decoded (`gltf_decompress.rs`), quantized attributes are read
//! as the integers they are; what changes how the geometry is stored and is not read here
//! (`KHR_meshopt_compression`'s newer codec, GPU instancing) is refused in one line that
//! names the extension and how to export without it; any other is refused by name.

use skyshow_i18n::msg;

use super::art::ArtError;
use super::gltf_decompress::{Compression, DRACO, MESHOPT};

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

/// Extensions that change how the geometry is stored, and that skyshow reads.
const GEOMETRY: &[&str] = &[DRACO, MESHOPT, "KHR_mesh_quantization"];

/// Keeps in `required` only what gltf's validation must see, after checking that every
/// extension is one skyshow can read the geometry of; what must be decoded first.
pub(crate) fn triage(required: &mut Vec<String>) -> Result<Compression, ArtError> {
    let mut decode = Compression::default();
    for ext in required.iter() {
        let e = ext.as_str();
        decode.draco |= e == DRACO;
        decode.meshopt |= e == MESHOPT;
        let refusal = match e {
            "KHR_meshopt_compression" => Some((
                msg!("artwork-gltf-meshopt"),
                msg!("artwork-gltf-meshopt-hint"),
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
        if !(APPEARANCE.contains(&e) || GEOMETRY.contains(&e) || e.starts_with("KHR_materials_")) {
            return Err(ArtError::new(
                msg!("artwork-gltf-extension-unknown", extension = e),
                msg!("artwork-gltf-extension-unknown-hint"),
            ));
        }
    }
    // Accepted: gltf's validation need not know them.
    required.clear();
    Ok(decode)
}

#[cfg(test)]
mod tests {
    use super::*;
    use skyshow_i18n::Lang;

    fn triaged(exts: &[&str]) -> Result<Vec<String>, ArtError> {
        let mut v: Vec<String> = exts.iter().map(|s| s.to_string()).collect();
        triage(&mut v).map(|_| v)
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
    fn compressed_geometry_is_decoded_and_the_rest_refused_by_name_with_a_way_out() {
        let mut v: Vec<String> = [
            DRACO,
            "KHR_materials_unlit",
            MESHOPT,
            "KHR_mesh_quantization",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(
            triage(&mut v).unwrap(),
            Compression {
                meshopt: true,
                draco: true
            }
        );
        assert!(v.is_empty());
        let e = triaged(&["KHR_meshopt_compression"]).unwrap_err();
        assert_eq!(
            e.message.english(),
            "the model's geometry is stored with meshopt (`KHR_meshopt_compression`), which skyshow does not decode"
        );
        assert!(
            e.message
                .render(Lang::Zh)
                .contains("meshopt 压缩（`KHR_meshopt_compression`）")
        );
        assert!(e.help.unwrap().english().contains("gltfpack"));
        let e = triaged(&["EXT_mesh_gpu_instancing"]).unwrap_err();
        assert!(e.message.english().contains("`EXT_mesh_gpu_instancing`"));
        let e = triaged(&["VENDOR_magic"]).unwrap_err();
        assert_eq!(
            e.message.english(),
            "the model requires the glTF extension `VENDOR_magic`, which skyshow does not read"
        );
        assert!(e.message.render(Lang::Zh).contains("`VENDOR_magic`"));
    }
}
