use lingua::{Language as L, LanguageDetectorBuilder};
#[test]
fn scratch() {
    let c = [L::French, L::English, L::Spanish, L::Portuguese, L::German, L::Arabic, L::Italian];
    let hi = LanguageDetectorBuilder::from_languages(&c).build();
    let lo = LanguageDetectorBuilder::from_languages(&c).with_low_accuracy_mode().build();
    let fr = "Des hommes armés ont attaqué mardi un poste de douane près de la frontière, selon des sources locales. Deux agents ont été blessés et un véhicule a été incendié. ".repeat(20);
    for t in ["Information Communication Transport Service Direction Nation Justice", "Communication Direction Information Service Transport Sécurité"] {
        println!("{:?}", hi.compute_language_confidence_values(t));
    }
    for (name, d) in [("hi", &hi), ("lo", &lo)] {
        d.compute_language_confidence_values(&fr[..]);
        for len in [60usize, 200, 400, 800, 2000] {
            let mut e = len; while !fr.is_char_boundary(e) { e -= 1; }
            let s = &fr[..e];
            let n = 200;
            let t = std::time::Instant::now();
            for _ in 0..n { std::hint::black_box(d.compute_language_confidence_values(s)); }
            let t1 = t.elapsed().as_secs_f64() * 1e6 / n as f64;
            let t = std::time::Instant::now();
            for _ in 0..n { std::hint::black_box(d.detect_language_of(s)); }
            let t2 = t.elapsed().as_secs_f64() * 1e6 / n as f64;
            println!("{name} {len}: conf {t1:.0} µs, detect {t2:.0} µs");
        }
    }
}
