import {Command} from '@oclif/core/command'
import * as Flags from '@oclif/core/flags'
import {type Stats, statSync} from 'node:fs'
import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {AnswersError, CLIENTS, ENVIRONMENTS, EXPOSURES, LOCAL_CLUSTERS, PROTOCOLS, PROVIDERS} from '../wizard/answers.js'
import type {RawAnswers} from '../wizard/answers-file.js'
import type {Quote} from '../wizard/recommend.js'

export default class Wizard extends Command {
  static override summary = 'Which Service type? Answer a few questions, get the recommendation and manifests that lint clean.'

  static override description = `Asks who calls the service, its protocol, who its clients are, how many services share the entry point, where the cluster runs and whether it is for production, then recommends ClusterIP, kubectl port-forward, NodePort, LoadBalancer, the Gateway API, Ingress or ExternalName, says why, and writes the Service with what goes with it: a Gateway (or an existing shared one) and an HTTPRoute, or an Ingress of a maintained controller; NetworkPolicies that admit what really sends the traffic; MetalLB on bare metal; and a Deployment skeleton with --with-deployment (with a PodDisruptionBudget and zone spread in production). A port-forward needs no manifest: the wizard prints the command.

Every question has a flag, and an answers file (--answers) takes the same keys. Questions that no longer matter are skipped. When standard input is not a terminal, missing answers are an error (exit 2) that lists the flags to pass.`

  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --exposure internal --protocol grpc --name orders --port 50051 --explain',
    '<%= config.bin %> <%= command.id %> --exposure external --protocol http --services 3 --hosts shop.example.com --paths /api --environment cloud --production --name api --namespace shop --port 80 --target-port 8080 --with-deployment --image ghcr.io/example/api:1.4.0 --out k8s/api.yaml',
    '<%= config.bin %> <%= command.id %> --answers wizard.yaml --out k8s/exposure.yaml --force',
  ]

  static override flags = {
    exposure: Flags.string({summary: 'Who calls it: workloads in the cluster, clients outside it, or (external-backend) workloads call a service outside the cluster.', options: [...EXPOSURES]}),
    'external-name': Flags.string({summary: 'DNS name of the backend outside the cluster (with --exposure external-backend).'}),
    protocol: Flags.string({summary: 'What the application serves (https: it terminates TLS itself).', options: [...PROTOCOLS]}),
    clients: Flags.string({summary: 'Who the outside clients are: me (your own machine, for a while: kubectl port-forward), team (developers or internal users on your network), public (default).', options: [...CLIENTS]}),
    services: Flags.integer({summary: 'How many HTTP services share the entry point (1, or more).', min: 1}),
    environment: Flags.string({summary: 'Where the cluster runs.', options: [...ENVIRONMENTS]}),
    provider: Flags.string({summary: 'The cloud provider (with --environment cloud).', options: [...PROVIDERS]}),
    'local-cluster': Flags.string({summary: 'The local cluster (with --environment local).', options: [...LOCAL_CLUSTERS]}),
    production: Flags.boolean({summary: 'For production (--no-production: development).', allowNo: true}),
    'own-ip': Flags.boolean({summary: 'One production HTTP service that needs an external IP of its own.', allowNo: true}),
    'gateway-api': Flags.boolean({summary: 'Route with a Gateway and an HTTPRoute (default), or an Ingress with --no-gateway-api.', allowNo: true}),
    tls: Flags.boolean({summary: 'Terminate TLS at the edge (default: yes).', allowNo: true}),
    hosts: Flags.string({summary: 'Host names clients use, comma-separated.'}),
    paths: Flags.string({summary: 'Paths routed to the service, comma-separated (default: /).'}),
    'ingress-class': Flags.string({summary: 'IngressClass of a maintained ingress controller (default: alb on AWS, azure-alb-external on Azure, traefik elsewhere).'}),
    'gateway-class': Flags.string({summary: 'GatewayClass (default: gke-l7-global-external-managed, or gke-l7-rilb for --clients team, on Google Cloud; aws-alb-gateway-class on AWS; azure-alb-external on Azure; eg, Envoy Gateway, elsewhere).'}),
    'controller-namespace': Flags.string({summary: 'Namespace of an in-cluster controller\'s proxy pods, admitted by the NetworkPolicy (default: its install guide\'s, such as envoy-gateway-system).'}),
    'proxy-ranges': Flags.string({summary: 'CIDRs a cloud-managed load balancer\'s proxies send from (the VPC, a proxy-only or delegated subnet), admitted by the NetworkPolicy (default on GKE\'s global external Gateway: 35.191.0.0/16,130.211.0.0/22).'}),
    'source-ranges': Flags.string({summary: 'Client CIDRs allowed to reach a LoadBalancer, comma-separated (0.0.0.0/0 for everyone).'}),
    'address-pool': Flags.string({summary: 'Addresses MetalLB may assign on bare metal: ranges or CIDRs, comma-separated.'}),
    name: Flags.string({summary: 'Application name: the Service, Deployment and route names.'}),
    namespace: Flags.string({char: 'n', summary: 'Namespace (default: default).'}),
    'own-namespace': Flags.boolean({summary: 'The namespace is new, or holds only this application (default: no).', allowNo: true}),
    'default-deny': Flags.boolean({summary: 'Also write a default-deny ingress policy for the whole namespace (default: with --own-namespace only).', allowNo: true}),
    callers: Flags.string({summary: 'Who calls an internal service: namespaces, pod labels of its namespace (key=value), or NAMESPACE:key=value, comma-separated (default: its own namespace).'}),
    'existing-gateway': Flags.boolean({summary: 'Attach to a shared Gateway that exists already (default: yes with --services 2 or more).', allowNo: true}),
    gateway: Flags.string({summary: 'The shared Gateway, as NAMESPACE/NAME (default: gateway-infra/shared).'}),
    'node-port': Flags.integer({summary: 'The node port on kind, for its extraPortMappings (default: 30080).', min: 30_000, max: 32_767}),
    port: Flags.integer({summary: 'Service port, the one callers connect to.', min: 1, max: 65_535}),
    'target-port': Flags.integer({summary: 'Container port the application listens on (default: --port).', min: 1, max: 65_535}),
    'with-deployment': Flags.boolean({summary: 'Also write a Deployment skeleton with probes.', allowNo: true}),
    image: Flags.string({summary: 'Container image of the Deployment skeleton.'}),
    replicas: Flags.integer({summary: 'Replicas of the Deployment skeleton (default: 2).', min: 1}),
    'health-port': Flags.integer({summary: 'TCP port on which a UDP application answers HTTP health checks, GET /readyz and /livez (default: 8081).', min: 1, max: 65_535}),
    'kube-version': Flags.string({summary: 'Kubernetes version of the cluster, such as 1.31: the preStop sleep action needs 1.30 (an exec sleep otherwise, and when unknown).'}),
    answers: Flags.string({summary: 'YAML file of answers, keyed by the flags\' names (target-port: 8080). Flags win over it.'}),
    explain: Flags.boolean({summary: 'Print the recommendation and its reasons, without YAML.', exclusive: ['out']}),
    out: Flags.string({char: 'o', summary: 'Write the YAML to this file instead of standard output.'}),
    force: Flags.boolean({summary: 'With --out, overwrite an existing file.'}),
  }

  public async run(): Promise<void> {
    const {flags} = await this.parse(Wizard)
    if (flags.out) {
      const problem = outProblem(flags.out, flags.force)
      if (problem) this.error(problem, {exit: 2})
    }

    const stage = flags.explain ? 'decision' : 'manifest'
    // The wizard is loaded when it runs (its flags need only the choices of answers.js): other commands never read it.
    const [{parseAnswers, readAnswersFile}, {completeAnswers, ignoredAnswers, missingAnswers, missingMessage, undecidedQuestions}, {QUESTIONS}, {explainText, recommend}] =
      await Promise.all([import('../wizard/answers-file.js'), import('../wizard/complete.js'), import('../wizard/questions.js'), import('../wizard/recommend.js')])
    try {
      const raw: RawAnswers = flags.answers ? await readAnswersFile(flags.answers) : new Map()
      for (const question of QUESTIONS) {
        const value = (flags as Record<string, unknown>)[question.flag]
        if (value !== undefined) raw.set(question.flag, {value, source: `--${question.flag}`})
      }

      const given = parseAnswers(raw)
      let answers = given
      const missing = missingAnswers(given, stage)
      if (missing.length > 0) {
        if (!process.stdin.isTTY) {
          this.error(
            `${missingMessage(missing, undecidedQuestions(given, stage))}\nStandard input is not a terminal, so the wizard cannot ask: pass them as flags, or in a file with --answers.`,
            {exit: 2},
          )
        }

        // The prompts and the YAML writer are loaded when needed: listing commands and linting never pay for them.
        const {askAnswers} = await import('../wizard/prompts.js')
        answers = await askAnswers(given, stage, {output: process.stderr})
      }

      const complete = completeAnswers(answers, stage)
      const ignored = ignoredAnswers(given, complete, stage)
      if (ignored.length > 0) this.warn(`not used with these answers: ${ignored.map((question) => `--${question.flag}`).join(', ')}`)
      const recommendation = recommend(complete)
      // After a session of questions, reasons quote the answers as they were given; otherwise the flags.
      const quote: Quote = answers === given ? 'flags' : 'answers'
      if (flags.explain) {
        process.stdout.write(explainText(recommendation, quote))
        return
      }

      const {accessCommand, generate} = await import('../wizard/generate.js')
      const yaml = generate(complete, recommendation, quote)
      const command = accessCommand(complete, recommendation)
      if (command) {
        // A port-forward needs no manifest: the command is the answer, and nothing is written.
        process.stdout.write(yaml)
        if (flags.out) process.stderr.write(`Nothing written to ${flags.out}: ${recommendation.type} needs no manifest.\n`)
        return
      }

      if (!flags.out) {
        process.stdout.write(yaml)
        return
      }

      // As the lint reports do: a folder that does not exist yet is made.
      const out = flags.out
      await mkdir(path.dirname(path.resolve(out)), {recursive: true})
        .then(async () => writeFile(out, yaml, {flag: flags.force ? 'w' : 'wx'}))
        .catch((error: NodeJS.ErrnoException) => {
          this.error(error.code === 'EEXIST' ? `${out} exists: pass --force to overwrite it` : `cannot write ${out}: ${error.message}`, {exit: 2})
        })
      // After a session of questions, the answer; the file holds it too, in its first comment.
      if (answers !== given) process.stderr.write(`\n${explainText(recommendation, quote)}\n`)
      process.stderr.write(`Wrote ${recommendation.type} manifests for ${complete.name} to ${flags.out}\n`)
    } catch (error) {
      if (error instanceof AnswersError) this.error(error.message, {exit: 2})
      // Ctrl+C at a prompt.
      if (error instanceof Error && error.name === 'ExitPromptError') this.error('cancelled: nothing written', {exit: 130})
      throw error
    }
  }
}

/** Why the YAML cannot be written to `out`, checked before any question is asked; undefined when it can. */
function outProblem(out: string, force: boolean): string | undefined {
  const target = path.resolve(out)
  const stat = statOf(target)
  if (stat?.isDirectory()) return `cannot write ${out}: it is a folder`
  if (stat && !force) return `${out} exists: pass --force to overwrite it`
  // The nearest part of the path that exists must be a folder: the rest is made.
  for (let folder = path.dirname(target); ; folder = path.dirname(folder)) {
    const found = statOf(folder)
    if (found) return found.isDirectory() ? undefined : `cannot write ${out}: ${folder} is a file, not a folder`
    if (path.dirname(folder) === folder) return undefined
  }
}

/** The entry at a path, or undefined when there is none (a file in the way of a folder counts as none here). */
function statOf(file: string): Stats | undefined {
  try {
    return statSync(file)
  } catch {
    return undefined
  }
}
