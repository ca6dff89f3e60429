// The command-center frame: the map fills the viewport and the panels float over it, sized in wall units
// (--u, one pixel of a 3840×2160 wall) so the same layout fits 1920×1080 and widens the map on 32:9 walls.

import type { CSSProperties, ReactNode } from 'react';
import { SEVERITIES } from '../data/codes.ts';
import { SEVERITY_CSS } from './types.ts';
import './screen.css';

export interface ScreenLayoutProps {
  header?: ReactNode;
  left?: ReactNode;
  right?: ReactNode;
  /** The ticker and the replay bar, between the side panels. */
  bottom?: ReactNode;
  /** Floating panels over the map (e.g. the drill-down), next to the right panel. */
  overlay?: ReactNode;
  /** A notice across the top of the map (e.g. the connection banner). */
  banner?: ReactNode;
  /** The map, behind everything; never transformed, so the Cesium canvas keeps its native resolution. */
  children: ReactNode;
}

/** The severity colours as CSS variables (--sev-RED …), from the one table the map uses too. */
const SEVERITY_VARS = Object.fromEntries(
  SEVERITIES.map((s) => [`--sev-${s}`, SEVERITY_CSS[s]]),
) as CSSProperties;

export function ScreenLayout({ header, left, right, bottom, overlay, banner, children }: ScreenLayoutProps) {
  return (
    <div className="screen" data-testid="screen" style={SEVERITY_VARS}>
      <div className="screen-map">{children}</div>
      <div className="screen-hud">
        {header && <div className="screen-header">{header}</div>}
        {banner && <div className="screen-banner">{banner}</div>}
        {left && <aside className="screen-side screen-left">{left}</aside>}
        {right && <aside className="screen-side screen-right">{right}</aside>}
        {overlay && <div className="screen-overlay">{overlay}</div>}
        {bottom && <footer className="screen-bottom">{bottom}</footer>}
      </div>
    </div>
  );
}
