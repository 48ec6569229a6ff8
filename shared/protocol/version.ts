/** Version of the client–server protocol, answered on `GET /api/version`. Bumped on any breaking change. */
export const PROTOCOL_VERSION = 1;
