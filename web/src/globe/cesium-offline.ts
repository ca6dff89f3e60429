// Cesium's widget styles and the offline switch, loaded with the big screen only (the console and the
// citizen pages never download Cesium).
import { Ion } from 'cesium';
import 'cesium/Build/Cesium/Widgets/widgets.css';

// Offline: never call Cesium ion.
Ion.defaultAccessToken = '';
