//! REST authentication headers: `X-OPENTOK-AUTH` (HS256) and `Authorization: Bearer` (RS256).

use std::time::Duration;

use crate::clock::uuid_v4;
use crate::credentials::Credentials;
use crate::jwt::{sign_hs256, sign_rs256, Claims};
use crate::options::Dialect;

/// The header name and value authenticating one REST request at `now` (unix seconds).
/// A fresh JWT every time, with a random `jti`. The Node dialect writes the official Node SDK's
/// claims (`lib/generateJwt.js`): `iss`,`ist`,`iat`,`exp` (no `jti`) with a secret, and
/// `iss`,`ist`,`iat`,`exp`,`application_id`,`jti` with an application key.
pub(crate) fn rest_auth_header(creds: &Credentials, now: i64, lifetime: Duration, dialect: Dialect) -> (&'static str, String) {
    let exp = now + lifetime.as_secs() as i64;
    match creds {
        Credentials::Project(p) if dialect == Dialect::Node => {
            let mut c = Claims::new();
            c.str("iss", p.api_key()).str("ist", "project").int("iat", now).int("exp", exp);
            ("X-OPENTOK-AUTH", sign_hs256(&c.finish(), &p.secret().hs256))
        }
        Credentials::Application(a) if dialect == Dialect::Node => {
            let mut c = Claims::new();
            c.str("iss", a.application_id())
                .str("ist", "project")
                .int("iat", now)
                .int("exp", exp)
                .str("application_id", a.application_id())
                .str("jti", &uuid_v4());
            ("Authorization", format!("Bearer {}", sign_rs256(&c.finish(), a.key())))
        }
        Credentials::Project(p) => {
            let mut c = Claims::new();
            c.str("iss", p.api_key()).str("ist", "project").int("iat", now).int("exp", exp).str("jti", &uuid_v4());
            ("X-OPENTOK-AUTH", sign_hs256(&c.finish(), &p.secret().hs256))
        }
        Credentials::Application(a) => {
            let mut c = Claims::new();
            c.str("application_id", a.application_id()).int("iat", now).int("exp", exp).str("jti", &uuid_v4());
            ("Authorization", format!("Bearer {}", sign_rs256(&c.finish(), a.key())))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jwt::Jwt;

    #[test]
    fn project_header_has_the_claims_every_verifier_wants() {
        let c = Credentials::project("123456", "1234567890abcdef1234567890abcdef1234567890").unwrap();
        let (name, v) = rest_auth_header(&c, 1_700_000_000, Duration::from_secs(300), Dialect::Python);
        assert_eq!(name, "X-OPENTOK-AUTH");
        let j = Jwt::decode(&v).unwrap();
        assert!(j.verify_hs256(b"1234567890abcdef1234567890abcdef1234567890"));
        assert_eq!(j.header.get("typ").and_then(|v| v.as_str()), Some("JWT"));
        assert_eq!(j.claims["iss"], "123456");
        assert_eq!(j.claims["ist"], "project");
        assert_eq!(j.int_claim("exp"), Some(1_700_000_300));
        let (_, v2) = rest_auth_header(&c, 1_700_000_000, Duration::from_secs(300), Dialect::Python);
        assert_ne!(Jwt::decode(&v2).unwrap().claims["jti"], j.claims["jti"]);
    }

    #[test]
    fn node_dialect_writes_the_official_node_claims() {
        let c = Credentials::project("123456", "1234567890abcdef1234567890abcdef1234567890").unwrap();
        let (_, v) = rest_auth_header(&c, 1_700_000_000, Duration::from_secs(300), Dialect::Node);
        let j = Jwt::decode(&v).unwrap();
        let keys: Vec<&String> = j.claims.keys().collect();
        assert_eq!(keys.len(), 4);
        assert_eq!(j.claims["iss"], "123456");
        assert!(j.claims.get("jti").is_none());
    }
}
