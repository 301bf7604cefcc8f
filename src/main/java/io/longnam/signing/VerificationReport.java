package io.longnam.signing;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code valid} only when the document has at least one signature and every signature is TOTAL_PASSED and
 * covers the whole document (no disallowed change after it).
 */
@Schema(example = """
        {"valid": true, "signatures": [{"id": "S-5D6F1A2B3C4D5E6F", "signer": "CN=โรงเรียนบ้านหนองบัว,O=สพฐ.,C=TH",
          "chain": ["CN=โรงเรียนบ้านหนองบัว,O=สพฐ.,C=TH", "CN=Longnam Issuing CA,C=TH", "CN=Longnam Root CA,C=TH"],
          "signingTime": "2026-11-29T03:00:00Z", "level": "B-LT", "indication": "TOTAL_PASSED",
          "timestamp": {"time": "2026-11-29T03:00:01Z", "valid": true}, "intact": true, "trusted": true,
          "coversWholeDocument": true}]}""")
public record VerificationReport(boolean valid, List<SignatureReport> signatures) {
}
