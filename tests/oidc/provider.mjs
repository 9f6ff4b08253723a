// A local OpenID Connect provider for Atelier's sign-in tests; never for production.
//
// Its development login form accepts any login name with any password: the login name
// is the e-mail address the provider vouches for ("email_verified": true), unless it
// starts with "unverified:", when the provider passes the address on without vouching
// for it. Settings come from the environment:
//   OIDC_PORT           port to listen on (127.0.0.1), default 8165
//   OIDC_REDIRECT_URIS  comma-separated redirect URIs of the client "atelier"
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_PORT || 8165);
const issuer = `http://127.0.0.1:${port}`;
const UNVERIFIED = "unverified:";

const configuration = {
  clients: [
    {
      client_id: "atelier",
      client_secret: "atelier-test-secret",
      redirect_uris: (process.env.OIDC_REDIRECT_URIS || "").split(",").filter(Boolean),
      token_endpoint_auth_method: "client_secret_post",
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  cookies: { keys: ["atelier-test-oidc-cookie-key"] },
  features: { devInteractions: { enabled: true } },
  async findAccount(ctx, login) {
    const verified = !login.startsWith(UNVERIFIED);
    const email = verified ? login : login.slice(UNVERIFIED.length);
    return {
      accountId: login,
      async claims() {
        return { sub: login, email, email_verified: verified, name: email.split("@")[0] };
      },
    };
  },
};

const provider = new Provider(issuer, configuration);
provider.listen(port, "127.0.0.1", () => {
  console.log(`OIDC test provider listening on ${issuer}`);
});
