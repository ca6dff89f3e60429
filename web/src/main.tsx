import { Ion } from 'cesium';
import 'cesium/Build/Cesium/Widgets/widgets.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { Root } from './Root.tsx';
import './styles.css';

// Offline: never call Cesium ion.
Ion.defaultAccessToken = '';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <Root />
    </I18nProvider>
  </StrictMode>,
);
