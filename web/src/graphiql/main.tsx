// GraphiQL for /graphql, bundled with the app so it works offline (yoga's own page loads from a CDN).
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';

const DEFAULT_QUERY = `# 城市运行一张图 API. The city is synthetic inside real Shenzhen district boundaries.
# Try: the figures for Futian (福田区), then a building by its QR code.
query Figures {
  areaStats(area: { code: "440304" }) {
    buildings
    selfBuiltBuildings
    buildingsBySafetyGrade { key count }
    devicesTotal
    deviceOnlineRate
  }
}
`;

const fetcher = createGraphiQLFetcher({ url: '/graphql' });

createRoot(document.getElementById('graphiql')!).render(
  <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} />,
);
