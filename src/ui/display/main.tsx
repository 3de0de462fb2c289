/** The customer display's entry (display/index.html): mount the display. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DisplayApp } from './DisplayApp';
import './display.css';

const root = document.getElementById('root');
if (!root) throw new Error('display/index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <DisplayApp />
  </StrictMode>,
);
