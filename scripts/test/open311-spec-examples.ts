// The documented example responses of Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2), in both formats,
// with sample values of our own: the elements each response has are what the tests compare ours with.
import { XMLParser } from 'fast-xml-parser';

const LISTS = new Set([
  'services.service',
  'service_requests.request',
  'errors.error',
  'service_definition.attributes.attribute',
  'service_definition.attributes.attribute.values.value',
]);

/** Parses GeoReport XML keeping every value a string and every list a list, even of one. */
export const open311XmlParser = new XMLParser({
  ignoreDeclaration: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (_name, jpath) => LISTS.has(String(jpath)),
});

export const SERVICES = {
  xml: `<?xml version="1.0" encoding="utf-8"?>
<services>
  <service>
    <service_code>101</service_code>
    <service_name>Broken street light</service_name>
    <description>A street light that is out or flickering.</description>
    <metadata>false</metadata>
    <type>realtime</type>
    <keywords>lamp, light, dark</keywords>
    <group>street</group>
  </service>
</services>`,
  json: [
    {
      service_code: '101',
      service_name: 'Broken street light',
      description: 'A street light that is out or flickering.',
      metadata: false,
      type: 'realtime',
      keywords: 'lamp, light, dark',
      group: 'street',
    },
  ],
};

export const SERVICE_DEFINITION = {
  xml: `<?xml version="1.0" encoding="utf-8"?>
<service_definition>
  <service_code>101</service_code>
  <attributes>
    <attribute>
      <variable>true</variable>
      <code>POLE</code>
      <datatype>singlevaluelist</datatype>
      <required>true</required>
      <datatype_description></datatype_description>
      <order>1</order>
      <description>Which pole?</description>
      <values>
        <value>
          <key>1</key>
          <name>Steel</name>
        </value>
      </values>
    </attribute>
  </attributes>
</service_definition>`,
  json: {
    service_code: '101',
    attributes: [
      {
        variable: true,
        code: 'POLE',
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: null,
        order: 1,
        description: 'Which pole?',
        values: [{ key: 1, name: 'Steel' }],
      },
    ],
  },
};

export const POST_RESPONSE = {
  xml: `<?xml version="1.0" encoding="utf-8"?>
<service_requests>
  <request>
    <service_request_id>4711</service_request_id>
    <service_notice>We will look into it within two days.</service_notice>
    <account_id/>
  </request>
</service_requests>`,
  json: [
    { service_request_id: 4711, service_notice: 'We will look into it within two days.', account_id: null },
  ],
};

export const REQUESTS = {
  xml: `<?xml version="1.0" encoding="utf-8"?>
<service_requests>
  <request>
    <service_request_id>4711</service_request_id>
    <status>closed</status>
    <status_notes>Fixed.</status_notes>
    <service_name>Broken street light</service_name>
    <service_code>101</service_code>
    <description></description>
    <agency_responsible></agency_responsible>
    <service_notice></service_notice>
    <requested_datetime>2026-04-14T06:37:38+08:00</requested_datetime>
    <updated_datetime>2026-04-15T06:37:38+08:00</updated_datetime>
    <expected_datetime>2026-04-16T06:37:38+08:00</expected_datetime>
    <address>1 Sample Road</address>
    <address_id>42</address_id>
    <zipcode>518000</zipcode>
    <lat>22.54</lat>
    <long>114.05</long>
    <media_url>https://example.org/4711.jpg</media_url>
  </request>
</service_requests>`,
  json: [
    {
      service_request_id: 4711,
      status: 'closed',
      status_notes: 'Fixed.',
      service_name: 'Broken street light',
      service_code: '101',
      description: null,
      agency_responsible: null,
      service_notice: null,
      requested_datetime: '2026-04-14T06:37:38+08:00',
      updated_datetime: '2026-04-15T06:37:38+08:00',
      expected_datetime: '2026-04-16T06:37:38+08:00',
      address: '1 Sample Road',
      address_id: 42,
      zipcode: 518000,
      lat: 22.54,
      long: 114.05,
      media_url: 'https://example.org/4711.jpg',
    },
  ],
};

export const ERRORS = {
  xml: `<?xml version="1.0" encoding="utf-8"?>
<errors>
  <error>
    <code>403</code>
    <description>Invalid api_key received.</description>
  </error>
</errors>`,
  json: [{ code: 403, description: 'Invalid api_key received.' }],
};
