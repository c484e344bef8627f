import { mount } from 'svelte'
import App from './App.svelte'
import { bridgeContext } from './lib/context.ts'
import './app.css'
import './daily-loop.css'
import './reflow.css'

mount(App, { target: document.getElementById('app')!, context: bridgeContext(window.rapport, window.rapport) })
